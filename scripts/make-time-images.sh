#!/usr/bin/env bash
# Regenerates the pictures of docs/time.md (time-clocks.png, time-extended.png, time-branches.png) from real Learner
# runs on the CPU (benchmarks/SchedDsl.TimePictures, a few seconds). Run after changing the clock, re-planning or
# branches; look at the PNGs and commit the ones that changed.
#   bash scripts/make-time-images.sh            # build (Release) and draw into docs/images
#   SCHEDDSL_ARTIFACTS=/tmp/a bash scripts/...  # build outputs elsewhere
set -euo pipefail
cd "$(dirname "$0")/.."

artifacts="${SCHEDDSL_ARTIFACTS:-$PWD/artifacts/time-images}"
dotnet build benchmarks/SchedDsl.TimePictures -c Release --artifacts-path "$artifacts" -v q -nologo
dotnet "$artifacts/bin/SchedDsl.TimePictures/release/scheddsl-time-pictures.dll" docs/images
