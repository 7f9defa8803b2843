#!/usr/bin/env bash
# Regenerates the pictures in docs/images/ with `schedsl plot`, so docs/schedules.md never drifts from the code.
# Run after changing a schedule or the plot; commit the PNGs it changes.
#   bash scripts/make-doc-images.sh            # build the CLI (Release) and draw every picture
#   SCHEDDSL_ARTIFACTS=/tmp/a bash scripts/...  # build outputs elsewhere
set -euo pipefail
cd "$(dirname "$0")/.."

artifacts="${SCHEDDSL_ARTIFACTS:-$PWD/artifacts/doc-images}"
dotnet build src/SchedDsl.Cli -c Release --artifacts-path "$artifacts" -v q -nologo
schedsl=(dotnet "$artifacts/bin/SchedDsl.Cli/release/schedsl.dll")
out=docs/images
mkdir -p "$out"

# name | schedule text | extra arguments
while IFS='|' read -r name text extra; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  # shellcheck disable=SC2086 # $extra is a word list on purpose
  "${schedsl[@]}" plot "$text" -o "$out/$name.png" --steps 100 $extra >/dev/null
  echo "$out/$name.png  <-  $text $extra"
done <<'LIST'
lin|lin(0, 1)|
cos|cos(0, 1)|
no|no(0.5, 1)|
exp|exp(0.001, 1)|
poly|poly(0, 1, 2)|
const|0.1|
combine|combine([0.3, 0.7], [lin(0, 1), cos(1, 0)])|
combined_cos|combined_cos(0.25, 0.95, 0.85, 0.95)|
one_cycle|one_cycle(0.01)|
one_cycle_slice|one_cycle(slice(0.0001, 0.01))|--groups 3
flat_cos|flat_cos(0.01)|
sgdr|sgdr(0.01, 3)|
lr_finder|lr_finder()|
per_group_list|cos([0.1, 0.05], 0)|--groups 2
wsd_sqrt|wsd_sqrt(1e-3, 0.1, 0.3, min_lr_ratio=0.1)|
warmup_log|warmup_log(1e-3, 0.2, 200)|
timm_cosine|timm_cosine(0.1, 0.3, cycle_decay=0.5, cycle_limit=2, warmup_pct=0.05, k_decay=2)|
timm_tanh|timm_tanh(0.1, 0.25, cycle_mul=1.5, cycle_limit=3)|
noise|noise(timm_cosine(0.1, 1), 100, noise_range_start=0.1, noise_range_end=0.9)|
staircase|staircase(one_cycle(0.01), 8)|
multiply|multiply([cos(0.1, 0.001), warmup_linear(1, 0.1)])|
piecewise_interpolate_linear|piecewise_interpolate_linear(1e-3, [0.1, 0.4, 0.8], [10, 0.05, 0.2])|
piecewise_interpolate_cosine|piecewise_interpolate_cosine(1e-3, [0.1, 0.4, 0.8], [10, 0.05, 0.2])|
LIST
