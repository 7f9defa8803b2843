#!/usr/bin/env bash
# Packs the three packages into ./local-feed (git-ignored), then uses them as a user would:
#   SchedDsl.Core  (the source generator inside, under analyzers/dotnet/cs)
#   SchedDsl.Torch (references TorchSharp only: the app picks the CPU or CUDA backend)
#   SchedDsl.Tool  (the schedsl command, `dotnet tool install`)
#   SchedDsl.FsCheck (generators and laws for a user's property tests; used by samples/SampleTests)
# and builds and runs samples/ConsoleSample against them, runs the user-style tests in samples/SampleTests, installs the tool into a temporary folder and runs it.
# samples/GeneratorSample is scripts/build-samples.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

feed="$PWD/local-feed"
artifacts="${SCHEDDSL_SAMPLES_ARTIFACTS:-$PWD/artifacts/samples}"
mkdir -p "$feed"

for project in SchedDsl.Core SchedDsl.Torch SchedDsl.Cli SchedDsl.FsCheck; do
  dotnet pack "src/$project" -c Release -o "$feed" --artifacts-path "$artifacts/pack" -v q -nologo
done
version="$(dotnet msbuild src/SchedDsl.Core -getProperty:Version)"
ls -l "$feed"/*."$version".*nupkg

# A package of the same version restored earlier would be reused from the global cache; drop it so the samples
# always compile against what was just packed.
cache="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
rm -rf "$cache/scheddsl.core/$version" "$cache/scheddsl.torch/$version" "$cache/scheddsl.tool/$version" "$cache/scheddsl.fscheck/$version"

dotnet build samples/ConsoleSample -c Release -p:SchedDslVersion="$version" --artifacts-path "$artifacts/build" -v q -nologo
dotnet run --project samples/ConsoleSample -c Release --no-build -p:SchedDslVersion="$version" --artifacts-path "$artifacts/build"

# A user's test project against the Core package (generator included).
dotnet test --project samples/SampleTests -c Release -p:SchedDslVersion="$version" --artifacts-path "$artifacts/tests"

tools="$(mktemp -d)"
trap 'rm -rf "$tools"' EXIT
dotnet tool install --tool-path "$tools" --add-source "$feed" --version "$version" SchedDsl.Tool
"$tools/schedsl" eval "cos(0,1)" --steps 3
