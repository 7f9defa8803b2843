#!/usr/bin/env bash
# Writes tests/SchedDsl.Docs.Tests/api/previous-release.txt: the public API of the last release, in the PublicAPI.txt
# format, so MigrationCoverageTests can list what was removed or renamed since (docs/migration.md must name each).
# The last release is the commit before the split-package work (issue 11) began; it predates the PublicAPI baselines,
# so this script builds a copy of that commit with the same analyzer and lets its code fix write the baselines.
# Usage: bash scripts/make-previous-release-api.sh [COMMIT]   (run once per release; the output is committed)
set -euo pipefail
release=${1:-19ca9a6c650e527fce7ecacf17ed9e4abca63fc0}  # 2026-11-23, the last commit of the first release's work
repo=$(cd "$(dirname "$0")/.." && pwd)
out="$repo/tests/SchedDsl.Docs.Tests/api/previous-release.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git -C "$repo" archive "$release" | tar -x -C "$work"
cd "$work"
analyzer_version=$(grep -oP 'PublicApiAnalyzers" Version="\K[^"]+' "$repo/Directory.Packages.props")
sed -i "s|</ItemGroup>|  <PackageVersion Include=\"Microsoft.CodeAnalysis.PublicApiAnalyzers\" Version=\"$analyzer_version\" />\n  </ItemGroup>|" \
  Directory.Packages.props
projects=()
for project in src/*/*.csproj; do
  # The packable libraries only: the generator is an analyzer, the CLI a tool.
  case "$project" in *Generators*|*Cli*) continue ;; esac
  dir=$(dirname "$project")
  printf '#nullable enable\n' > "$dir/PublicAPI.Shipped.txt"
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
  sed -i 's|</Project>|  <ItemGroup>\n    <PackageReference Include="Microsoft.CodeAnalysis.PublicApiAnalyzers" PrivateAssets="all" />\n    <AdditionalFiles Include="PublicAPI.Shipped.txt" />\n    <AdditionalFiles Include="PublicAPI.Unshipped.txt" />\n  </ItemGroup>\n</Project>|' "$project"
  projects+=("$project")
done
for project in "${projects[@]}"; do
  dotnet restore "$project" >/dev/null
  dotnet format analyzers "$project" --diagnostics RS0016 --severity warn --no-restore
done
{
  echo "# The public API of commit $release (the last release), written by scripts/make-previous-release-api.sh."
  for project in "${projects[@]}"; do
    grep -v '^#' "$(dirname "$project")/PublicAPI.Unshipped.txt" | grep -v '^$'
  done | LC_ALL=C sort -u
} > "$out"
echo "wrote $(grep -vc '^#' "$out") symbols to $out"
