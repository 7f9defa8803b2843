#!/usr/bin/env bash
# Runs the plot tests as on a fresh minimal Debian, where no font is installed: in a private mount namespace with an
# empty folder over /usr/share/fonts (where SkiaSharp's Linux native looks for fonts). The plots must still carry
# their text, from the font the library embeds. Needs root for `unshare -m`.
#   bash scripts/test-plots-without-fonts.sh     # builds tests/SchedDsl.Plotting.Tests (Release) first
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build tests/SchedDsl.Plotting.Tests -c Release -v q -nologo
filters=(--filter-class "*PlotTextTests" --filter-class "*LrFindPlotTests" --filter-class "*SchedulePlotTests" --filter-class "*PlotTests")
if [ ! -d /usr/share/fonts ]; then  # a minimal Debian has not even the folder: nothing to hide
  exec dotnet test tests/SchedDsl.Plotting.Tests -c Release --no-build -- "${filters[@]}"
fi
empty=$(mktemp -d)
trap 'rmdir "$empty"' EXIT
unshare -m sh -c '
  mount --bind "$1" /usr/share/fonts
  if [ -n "$(ls -A /usr/share/fonts)" ]; then echo "fonts still visible" >&2; exit 1; fi
  shift
  dotnet test tests/SchedDsl.Plotting.Tests -c Release --no-build -- "$@"
' sh "$empty" "${filters[@]}"
