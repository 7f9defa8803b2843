#!/usr/bin/env bash
# The demo's numbers and pictures in docs/training.md come from here, so they cannot go stale. Runs the demo on CI's
# budget (--epochs 1 --no-fine-tune, redirected), then, between the <!-- demo:begin --> and <!-- demo:end --> lines
# of docs/training.md, rewrites what that run prints: the LR finder's suggestions, the one-cycle rate, the epoch's
# row (also as a CSV row), the weights digest and the test accuracy; it leaves times and the live bars alone. It
# copies the run's lr_find.png and sched.png to docs/images/demo-*.png.
#   bash scripts/make-demo-docs.sh               # run the demo, update the docs and pictures (commit what changes)
#   bash scripts/make-demo-docs.sh --check       # run the demo, fail when the docs or pictures differ (CI)
#   ... [--check] --from DIR                     # use a finished run instead: DIR holds its output.txt and PNGs
# The run is seeded (model, data order), so it prints the same on a machine every time; a CPU that sums in another
# order may print other digits: then regenerate on CI's machine.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
from=
while [ $# -gt 0 ]; do
  case "$1" in
    --check) check=true ;;
    --from) from="$2"; shift ;;
    *) echo "make-demo-docs: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
doc=docs/training.md
if [ -z "$from" ]; then
  from=$(mktemp -d)
  trap 'rm -rf "$from"' EXIT
  dotnet run -c Release --project src/SchedDsl.Demo -- --epochs 1 --no-fine-tune --out "$from" > "$from/output.txt"
fi
out="$from/output.txt"

# What the run printed.
suggestions=$(grep -oP 'lr_min \(minimum/10\) \S+, lr_steep \S+, valley \S+$' "$out")
read -r lr_min lr_steep valley <<< "$(sed -E 's/lr_min \(minimum\/10\) (\S+), lr_steep (\S+), valley (\S+)/\1 \2 \3/' <<< "$suggestions")"
read -r train_loss valid_loss accuracy <<< "$(grep -A1 -E '^epoch +train_loss' "$out" | grep -oP '^0 +\K\S+ +\S+ +\S+')"
digest=$(grep -oP 'weights sha256: \K[0-9a-f]+' "$out")
test_accuracy=$(grep -oP 'one-cycle test accuracy: \K[0-9.]+(?= %)' "$out")
for value in lr_min lr_steep valley train_loss valid_loss accuracy digest test_accuracy; do
  [ -n "${!value}" ] || { echo "make-demo-docs: the demo's output has no $value (did its format change?)" >&2; exit 1; }
done

# The doc with those numbers written in, inside the demo:begin/end regions only.
number='[0-9.e+-]+'
updated=$(mktemp)
LR_MIN=$lr_min LR_STEEP=$lr_steep VALLEY=$valley TL=$train_loss VL=$valid_loss ACC=$accuracy DIGEST=$digest TEST=$test_accuracy \
perl -0pe '
  s{(<!-- demo:begin.*?<!-- demo:end -->)}{
    my $r = $1;
    $r =~ s/(lr_min \(minimum\/10\) )'"$number"'(,\s+lr_steep\s+)'"$number"'(,\s+valley\s+)'"$number"'/$1$ENV{LR_MIN}$2$ENV{LR_STEEP}$3$ENV{VALLEY}/g;
    $r =~ s/(FitOneCycle\(1, lrMax: )'"$number"'\)/$1$ENV{LR_MIN})/g;
    $r =~ s/(FitOneCycle\(1, lrMax: [^\n]*\n.*?\n0\s+)\d\.\d{6}(\s+)\d\.\d{6}(\s+)\d\.\d{6}/$1$ENV{TL}$2$ENV{VL}$3$ENV{ACC}/gs;
    $r =~ s/^0,\d\.\d{6},\d\.\d{6},\d\.\d{6},/0,$ENV{TL},$ENV{VL},$ENV{ACC},/gm;
    $r =~ s/(weights sha256: )[0-9a-f]+/$1$ENV{DIGEST}/g;
    $r =~ s/(one-cycle test accuracy: )[0-9.]+ %/$1$ENV{TEST} %/g;
    $r =~ s/(`valley`\s+\()'"$number"'\)/$1$ENV{VALLEY})/g;
    $r =~ s/(`steep`\s+\()'"$number"'\)/$1$ENV{LR_STEEP})/g;
    $r =~ s/(`minimum\/10`\s+\()'"$number"'\)/$1$ENV{LR_MIN})/g;
    $r
  }gse' "$doc" > "$updated"

if $check; then
  stale=0
  if ! diff -u "$doc" "$updated"; then
    echo "make-demo-docs: $doc quotes numbers a fresh demo run does not print (above); run bash scripts/make-demo-docs.sh" >&2
    stale=1
  fi
  for picture in lr_find sched; do
    if ! cmp -s "$from/$picture.png" "docs/images/demo-$picture.png"; then
      echo "make-demo-docs: docs/images/demo-$picture.png differs from a fresh run's $picture.png; run bash scripts/make-demo-docs.sh" >&2
      stale=1
    fi
  done
  rm -f "$updated"
  exit "$stale"
fi
mv "$updated" "$doc"
cp "$from/lr_find.png" docs/images/demo-lr_find.png
cp "$from/sched.png" docs/images/demo-sched.png
echo "make-demo-docs: $doc and docs/images/demo-*.png follow the run (lr_min $lr_min, steep $lr_steep, valley $valley, test accuracy $test_accuracy %)"
