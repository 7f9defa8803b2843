#!/usr/bin/env bash
# Packs SchedDsl.Core (with the source generator under analyzers/dotnet/cs) into ./local-feed, then builds and runs
# samples/GeneratorSample against that package, not against the projects. ./local-feed is git-ignored.
set -euo pipefail
cd "$(dirname "$0")/.."

feed="$PWD/local-feed"
artifacts="${SCHEDDSL_SAMPLES_ARTIFACTS:-$PWD/artifacts/samples}"
mkdir -p "$feed"

dotnet pack src/SchedDsl.Core -c Release -o "$feed" --artifacts-path "$artifacts/pack"

# A package of the same version restored earlier would be reused from the global cache; drop it so the sample
# always compiles against what was just packed.
version="$(dotnet msbuild src/SchedDsl.Core -getProperty:Version)"
cache="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
rm -rf "$cache/scheddsl.core/$version"

dotnet build samples/GeneratorSample -c Release -p:SchedDslVersion="$version" --artifacts-path "$artifacts/build"
dotnet run --project samples/GeneratorSample -c Release --no-build -p:SchedDslVersion="$version" --artifacts-path "$artifacts/build"
