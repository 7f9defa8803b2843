#!/usr/bin/env bash
# The migration proof (issue 21): tests/migration/migrated is tests/migration/v-prev/Program.cs, a user's program
# written against the previous release, migrated with docs/migration.md alone. This packs SchedDsl.Core and
# SchedDsl.Torch into ./local-feed, builds and runs the migrated program against them as a user would, and compares
# what it prints with tests/migration/golden.txt (the old program against the old release, from
# scripts/make-migration-golden.sh): it must compile and train the same, number for number.
set -euo pipefail
cd "$(dirname "$0")/.."

feed="$PWD/local-feed"
artifacts="${SCHEDDSL_SAMPLES_ARTIFACTS:-$PWD/artifacts/samples}"
mkdir -p "$feed"
for project in SchedDsl.Core SchedDsl.Torch; do
  dotnet pack "src/$project" -c Release -o "$feed" --artifacts-path "$artifacts/pack" -v q -nologo
done
# A package of the same version restored earlier would be reused from the global cache; drop it so the program
# compiles against what was just packed.
version="$(dotnet msbuild src/SchedDsl.Core -getProperty:Version)"
cache="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
for id in scheddsl.core scheddsl.torch; do
  rm -rf "${cache:?}/$id/$version"
done

dotnet build tests/migration/migrated -c Release -p:SchedDslVersion="$version" --artifacts-path "$artifacts/migration" -v q -nologo
actual=$(mktemp)
trap 'rm -rf "$actual"' EXIT
dotnet run --project tests/migration/migrated -c Release --no-build -p:SchedDslVersion="$version" --artifacts-path "$artifacts/migration" > "$actual"
if ! diff -u <(grep -v '^#' tests/migration/golden.txt) "$actual"; then
  echo "check-migration: the migrated program (tests/migration/migrated) prints other numbers than the old one did" \
    "against the previous release (tests/migration/golden.txt); a row of docs/migration.md is wrong or missing," \
    "or training changed" >&2
  exit 1
fi
echo "check-migration: the migrated program compiles and trains the same as the previous release's ($(grep -vc '^#' tests/migration/golden.txt) lines)"
