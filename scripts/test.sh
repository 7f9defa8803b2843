#!/usr/bin/env bash
# Runs every test in the solution (Release). README's "run all tests" command.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test SchedDsl.sln -c Release "$@"
