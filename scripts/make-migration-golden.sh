#!/usr/bin/env bash
# Writes tests/migration/golden.txt: what tests/migration/v-prev/Program.cs (a user's program written against the
# previous release) prints when built against that release. scripts/check-migration.sh runs the same program migrated
# with docs/migration.md alone (tests/migration/migrated) against today's packages and compares its output with this
# file: the migrated program must compile and train the same (issue 21).
# The release is built from a copy of its commit (SchedDsl.Core with its generator and SchedDsl.Torch only, as project references: the
# old program needs nothing else). Run once per release; the output is committed.
# Usage: bash scripts/make-migration-golden.sh [COMMIT]
set -euo pipefail
release=${1:-19ca9a6c650e527fce7ecacf17ed9e4abca63fc0}  # the previous release, as in scripts/make-previous-release-api.sh
repo=$(cd "$(dirname "$0")/.." && pwd)
out="$repo/tests/migration/golden.txt"
# MIGRATION_GOLDEN_WORK keeps the release's build between runs (while the old program is being written).
work=${MIGRATION_GOLDEN_WORK:-}
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

[ -d "$work/src" ] || git -C "$repo" archive "$release" src/SchedDsl.Core src/SchedDsl.Generators src/SchedDsl.Torch Directory.Build.props Directory.Packages.props global.json README.md \
  | tar -x -C "$work"
# Under a folder named samples, so the release's Directory.Build.props treats it as a sample (no XML docs needed).
program="$work/samples/MigrationProof"
mkdir -p "$program"
cmp -s "$repo/tests/migration/v-prev/Program.cs" "$program/Program.cs" || cp "$repo/tests/migration/v-prev/Program.cs" "$program/"
cat > "$program/MigrationProof.csproj" <<'PROJECT'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <!-- A user's program: the release's style analyzers are not its business. -->
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <EnforceCodeStyleInBuild>false</EnforceCodeStyleInBuild>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="../../src/SchedDsl.Torch/SchedDsl.Torch.csproj" />
    <PackageReference Include="libtorch-cpu-linux-x64" />
  </ItemGroup>
</Project>
PROJECT
# Today's SDK analyzers flag a few names in the release's own sources (CA1716, CA1720); they change no code.
dotnet build "$program" -c Release -v q -nologo -p:TreatWarningsAsErrors=false
# Written aside first, so a program that throws leaves the committed golden file as it was.
{
  echo "# What tests/migration/v-prev/Program.cs prints against commit $release (the previous release),"
  echo "# written by scripts/make-migration-golden.sh. scripts/check-migration.sh compares the migrated program with it."
  dotnet run --project "$program" -c Release --no-build
} > "$work/golden.txt"
mv "$work/golden.txt" "$out"
echo "wrote $out"
