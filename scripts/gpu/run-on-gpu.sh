#!/usr/bin/env bash
# Publishes the GPU tests (tests/SchedDsl.Torch.Gpu.Tests) and the GPU benchmark (benchmarks/SchedDsl.GpuBench)
# self-contained for linux-x64 WITHOUT libtorch-cpu (-p:TorchNative=none: the GPU machine brings PyTorch's CUDA
# libtorch), into one folder (the two apps share the .NET runtime files, so they are packed once), packs it as
# .gpu/gpu-app.tar.xz (git-ignored; it must stay under the 64 MiB the device tool carries) and prints the device
# tool call that runs scripts/gpu/on-device.sh on the GPU machine. See docs/gpu.md.
#
#   scripts/gpu/run-on-gpu.sh            # publish + pack + print the command
#   scripts/gpu/run-on-gpu.sh --check    # also run the published tests and a short benchmark here, on the CPU,
#                                        # with LD_LIBRARY_PATH at the NuGet libtorch-cpu (proves the publish runs)
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
dest=.gpu
app=$dest/app
artifacts=${GPU_ARTIFACTS:-/tmp/art-gpu-publish}
limit=$((64 * 1024 * 1024))

rm -rf "$app" "$dest/gpu-app.tar.xz"
mkdir -p "$app"
for project in tests/SchedDsl.Torch.Gpu.Tests benchmarks/SchedDsl.GpuBench; do
  echo "publishing $project" >&2
  dotnet publish "$project" -c Release -r linux-x64 --self-contained true -p:TorchNative=none \
    --artifacts-path "$artifacts" -o "$app" -v quiet -nologo
done

# The switch must really have dropped the CPU libtorch: the GPU machine's CUDA libtorch has to be the one loaded.
if compgen -G "$app/libtorch*.so" >/dev/null || compgen -G "$app/libc10*.so" >/dev/null; then
  echo "error: a libtorch native library was published into $app; TorchNative=none did not drop libtorch-cpu-linux-x64" >&2
  exit 1
fi

XZ_OPT=${XZ_OPT:--9 -T2} tar -cJf "$dest/gpu-app.tar.xz" -C "$app" .
size=$(stat -c %s "$dest/gpu-app.tar.xz")
printf 'packed %s: %.1f MiB (limit 64 MiB for everything carried)\n' "$dest/gpu-app.tar.xz" "$(echo "$size / 1048576" | bc -l)" >&2
if [ "$size" -ge "$limit" ]; then
  echo "error: $dest/gpu-app.tar.xz is over 64 MiB" >&2
  exit 1
fi

if [ "${1:-}" = "--check" ]; then
  native=$(ls -d "$HOME"/.nuget/packages/libtorch-cpu-linux-x64/*/runtimes/linux-x64/native | tail -1)
  check=$(mktemp -d)
  tar -xJf "$dest/gpu-app.tar.xz" -C "$check"
  echo "local check in $check with LD_LIBRARY_PATH=$native (CPU libtorch: the cuda cases skip)" >&2
  LD_LIBRARY_PATH=$native${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$check/SchedDsl.Torch.Gpu.Tests"
  LD_LIBRARY_PATH=$native${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
    "$check/SchedDsl.GpuBench" --device cpu --rounds 3 --scale 0.1 --out "$check/bench-cpu.md" >/dev/null
  echo "local check passed; removing $check" >&2
  rm -rf "$check"
fi

cat <<'CMD'

Run on the GPU machine with the device tool (H100; one call, about 3-5 minutes of device time):

  run(kind="nvidia-h100-x1", timeout_s=600, carry=[".gpu/gpu-app.tar.xz"],
      command="bash scripts/gpu/on-device.sh")

It writes to $OUT: gpu.txt (GPU, driver, CUDA, torch), tests.txt (+ tests.rc), bench-cuda.md (the table for
docs/benchmarks.md), bench.log. The tests run with SCHEDDSL_REQUIRE_CUDA=1, so a CUDA case fails instead of skipping.
CMD
