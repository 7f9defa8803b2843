#!/usr/bin/env bash
# Follows docs/testing.md as a user would, in a temporary folder outside the repository (so none of its global.json,
# Directory.*.props or NuGet settings apply): runs the page's setup block with its feed path pointed at ./local-feed,
# saves the page's test file, runs the page's run block, and fails when any step or test fails. The blocks are read
# from the page itself (the fences after <!-- testing-doc: ... --> markers), so the check cannot drift from the text.
# Run after scripts/pack.sh (which fills ./local-feed); CI does.
set -euo pipefail
cd "$(dirname "$0")/.."
feed="$PWD/local-feed"
page=docs/testing.md
[ -d "$feed" ] || { echo "check-testing-doc: $feed is missing; run scripts/pack.sh first" >&2; exit 1; }

# The body of the fenced block that follows the line "<!-- testing-doc: $1 ... -->".
block() {
  awk -v marker="<!-- testing-doc: $1" '
    index($0, marker) == 1 { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$page"
}
test_file=$(grep -oP '<!-- testing-doc: test \K[^ ]+' "$page")
setup=$(block setup)
run=$(block run)
test_code=$(block "test $test_file")
for part in setup run test_code; do
  [ -n "${!part}" ] || { echo "check-testing-doc: $page has no '$part' block" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
echo "check-testing-doc: in $work"
# The setup block ends inside the new project's folder; the rest happens there.
bash -euo pipefail -c "${setup//\/path\/to\/SchedDsl\/local-feed/$feed}
printf '%s\n' \"\$1\" > '$test_file'
$run" check-testing-doc "$test_code"
echo "check-testing-doc: docs/testing.md's steps build and pass"
