#!/usr/bin/env bash
# Packs the seven packages into ./local-feed (git-ignored), prints their sizes, then uses them as a user would:
#   SchedDsl.Core     (the source generator inside, under analyzers/dotnet/cs)
#   SchedDsl.Torch    (references TorchSharp only: the app picks the CPU or CUDA backend)
#   SchedDsl.Plotting (ScottPlot, the Linux SkiaSharp native and an embedded font; Core only, no TorchSharp)
#   SchedDsl.Progress (the console ProgressCallback: SchedDsl.Torch and Spectre.Console)
#   SchedDsl.Prediction (the loss law with LR annealing and its fit: Core and Math.NET Numerics, no TorchSharp)
#   SchedDsl.Tool     (the schedsl command, `dotnet tool install`: Core, Plotting and Prediction, no libtorch)
#   SchedDsl.FsCheck  (generators and laws for a user's property tests; used by samples/SampleTests)
# and builds and runs samples/ConsoleSample against them, runs the user-style tests in samples/SampleTests, installs the tool into a temporary folder and runs it,
# runs samples/ObservabilitySample (OpenTelemetry, ILogger) and the one-file start samples/QuickStart/quickstart.cs.
# The training demo (src/SchedDsl.Demo) is an app, not a package.
# samples/GeneratorSample is scripts/build-samples.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

feed="$PWD/local-feed"
artifacts="${SCHEDDSL_SAMPLES_ARTIFACTS:-$PWD/artifacts/samples}"
mkdir -p "$feed"

for project in SchedDsl.Core SchedDsl.Torch SchedDsl.Plotting SchedDsl.Progress SchedDsl.Prediction SchedDsl.Cli SchedDsl.FsCheck; do
  dotnet pack "src/$project" -c Release -o "$feed" --artifacts-path "$artifacts/pack" -v q -nologo
done
version="$(dotnet msbuild src/SchedDsl.Core -getProperty:Version)"
for package in "$feed"/*."$version".*nupkg; do
  awk -v bytes="$(stat -c %s "$package")" -v name="$(basename "$package")" 'BEGIN { printf "%8.2f MB  %s\n", bytes / 1048576, name }'
done
# No package may carry libtorch (apps pick their backend), least of all its Python binding. A .nupkg is a zip, whose
# file names are stored uncompressed: grep finds them without unzip.
for package in "$feed"/*."$version".nupkg; do
  if LC_ALL=C grep -qaE 'libtorch(_python|_cpu)?\.so' "$package"; then
    echo "pack: $(basename "$package") carries libtorch" >&2
    exit 1
  fi
done
# The tool plots and evaluates only: its Linux x64 natives (SkiaSharp, HarfBuzz) keep it small (docs/packages.md
# states the measured size once); past 30 MB something that does not belong slipped in.
tool_bytes="$(stat -c %s "$feed/SchedDsl.Tool.$version.nupkg")"
if [ "$tool_bytes" -ge $((30 * 1024 * 1024)) ]; then
  echo "pack: SchedDsl.Tool.$version.nupkg is $tool_bytes bytes, over 30 MB" >&2
  exit 1
fi

# A package of the same version restored earlier would be reused from the global cache; drop it so the samples
# always compile against what was just packed.
cache="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
for id in scheddsl.core scheddsl.torch scheddsl.plotting scheddsl.progress scheddsl.prediction scheddsl.tool scheddsl.fscheck; do
  rm -rf "${cache:?}/$id/$version"
done

dotnet build samples/ConsoleSample -c Release -p:SchedDslVersion="$version" --artifacts-path "$artifacts/build" -v q -nologo
dotnet run --project samples/ConsoleSample -c Release --no-build -p:SchedDslVersion="$version" --artifacts-path "$artifacts/build"

# A user's test project against the Core package (generator included).
dotnet test --project samples/SampleTests -c Release -p:SchedDslVersion="$version" --artifacts-path "$artifacts/tests"

tools="$(mktemp -d)"
trap 'rm -rf "$tools"' EXIT
dotnet tool install --tool-path "$tools" --add-source "$feed" --version "$version" SchedDsl.Tool
"$tools/schedsl" eval "cos(0,1)" --steps 3
"$tools/schedsl" plot "one_cycle(slice(1e-4, 1e-2))" --groups 3 -o "$tools/one_cycle.png"
test -s "$tools/one_cycle.png"

# .NET observability against the packages (docs/observability.md): the SchedDsl meter through OpenTelemetry's console
# exporter, the Learner's events through Microsoft.Extensions.Logging's console.
dotnet build samples/ObservabilitySample -c Release -p:SchedDslVersion="$version" --artifacts-path "$artifacts/build" -v q -nologo
observed="$(dotnet run --project samples/ObservabilitySample -c Release --no-build -p:SchedDslVersion="$version" --artifacts-path "$artifacts/build")"
grep -F 'SchedDsl.Torch.Learner[' <<<"$observed" || true   # the log lines; the exporter's blocks are long
for expected in 'Metric Name: scheddsl.train.learning_rate' 'scheddsl.layer_group: 2' 'SchedDsl.Torch.Learner[2] Epoch 1: train_loss' 'Fit ended at iteration 56 of 56'; do
  if ! grep -qF "$expected" <<<"$observed"; then
    printf '%s\n' "$observed" >&2
    echo "pack: samples/ObservabilitySample printed no '$expected'" >&2
    exit 1
  fi
done

# The one-file start (docs/index.md): a .NET 10 file-based app whose #:package directives name the packed version.
# --no-cache: the file did not change, but the packages behind its directives did.
if ! grep -qF "#:package SchedDsl.Torch@$version" samples/QuickStart/quickstart.cs; then
  echo "pack: samples/QuickStart/quickstart.cs does not take version $version of the packages; update its #:package lines" >&2
  exit 1
fi
dotnet run --no-cache samples/QuickStart/quickstart.cs -- "$tools/quickstart"
if [ ! -s "$tools/quickstart/lr_find.png" ] || [ ! -s "$tools/quickstart/sched.png" ]; then
  echo "pack: samples/QuickStart/quickstart.cs did not write lr_find.png and sched.png" >&2
  exit 1
fi
