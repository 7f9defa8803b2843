#!/usr/bin/env bash
# Runs ON the GPU machine (no .NET, no network), from the repository root of the carried working tree, with
# .gpu/gpu-app.tar.xz carried (scripts/gpu/run-on-gpu.sh makes it). Uses the machine's PyTorch CUDA libtorch
# (docs/gpu.md, shared GPU.md), runs the GPU tests with CUDA required and the CUDA benchmark, and writes to $OUT:
#   gpu.txt       GPU name, driver, memory; torch and CUDA versions
#   tests.txt     the test run's output, tests.xml its xUnit XML results, tests.rc its exit code
#   bench-cuda.md the benchmark table; bench.log its progress
#   bench-cpu.md  (BENCH_CPU=1 only) the same benchmark on this machine's CPU, 1 thread
# Exit code: the test run's.
set -uo pipefail
: "${OUT:?OUT must name the folder whose files come back}"
pack=${1:-.gpu/gpu-app.tar.xz}
app=$(mktemp -d)
tar -xJf "$pack" -C "$app" || { echo "cannot extract $pack" | tee "$OUT/tests.txt"; exit 1; }

TL=$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__)+"/lib")')
export LD_LIBRARY_PATH=$TL${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
export SCHEDDSL_REQUIRE_CUDA=1

{
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv
  python3 -c 'import torch; print("torch", torch.__version__, "| CUDA", torch.version.cuda, "| cuDNN", torch.backends.cudnn.version())'
  echo "libtorch from $TL"
} > "$OUT/gpu.txt" 2>&1

"$app/SchedDsl.Torch.Gpu.Tests" -noColor -xml "$OUT/tests.xml" > "$OUT/tests.txt" 2>&1
rc=$?
echo "$rc" > "$OUT/tests.rc"

"$app/SchedDsl.GpuBench" --device cuda --out "$OUT/bench-cuda.md" > "$OUT/bench.log" 2>&1 || echo "benchmark failed: $?" >> "$OUT/bench.log"
if [ "${BENCH_CPU:-0}" = "1" ]; then
  "$app/SchedDsl.GpuBench" --device cpu --out "$OUT/bench-cpu.md" >> "$OUT/bench.log" 2>&1
fi
tail -n 15 "$OUT/tests.txt"
cat "$OUT/gpu.txt" "$OUT/bench-cuda.md" 2>/dev/null
exit "$rc"
