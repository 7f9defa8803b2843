#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, test and run SchedDsl.
# Idempotent: every step checks first and only acts when something is missing.
# Never fails silently: any failing command prints its line and exit code (the README chains this script with &&).
set -euo pipefail
trap 'echo "setup: failed (exit $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

# Runs a command as root: directly when root, else through sudo; says what to run when there is no sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "setup: this step needs root and sudo is not installed; run as root: $*" >&2
    exit 1
  fi
}

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
}

# The Debian mirror this machine already uses, from its own apt sources (one-line sources.list files and deb822
# *.sources files), so the trixie source works behind the same mirror. Skips security and our own trixie.list.
# awk reads every file to the end (no early exit), so no pipe can die of SIGPIPE under pipefail.
debian_mirror() {
  local files=()
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    if [ -f "$f" ] && [ "$f" != /etc/apt/sources.list.d/trixie.list ]; then files+=("$f"); fi
  done
  if [ "${#files[@]}" -gt 0 ]; then
    awk '
      function take(uri, suites) {
        if (found == "" && uri ~ /debian\/?$/ && uri !~ /security/ && suites !~ /security/) found = uri
      }
      function flush() {
        if (types ~ /(^| )deb( |$)/) take(uris, suites)
        types = uris = suites = ""
      }
      FNR == 1 { flush() }
      FILENAME ~ /\.sources$/ {
        if ($0 ~ /^[ \t]*$/) flush()
        if ($1 == "Types:") { types = $0; sub(/^Types:[ \t]*/, "", types) }
        if ($1 == "URIs:") uris = $2
        if ($1 == "Suites:") suites = $0
        next
      }
      $1 == "deb" {
        i = 2
        if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        take($i, $(i + 1))
      }
      END { flush(); sub(/\/$/, "", found); print found }
    ' "${files[@]}"
  fi
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET SDK 10 is required (dotnet was not found on PATH); see global.json for the version." >&2
  exit 1
fi

# TorchSharp 0.107's libLibTorchSharp.so needs libstdc++ with GLIBCXX_3.4.32 (GCC 13+);
# Debian 12 ships GCC 12's. Take only libstdc++6 from Debian 13 (trixie), pinned low.
libstdcxx=$(ldconfig -p | awk '/libstdc\+\+\.so\.6 .*x86-64/ && !found {print $NF; found = 1}')
if [ -z "$libstdcxx" ] || ! grep -q GLIBCXX_3.4.32 "$libstdcxx"; then
  echo "setup: libstdc++ lacks GLIBCXX_3.4.32; installing libstdc++6 from Debian trixie"
  if [ ! -f /etc/apt/sources.list.d/trixie.list ]; then
    mirror=$(debian_mirror)
    if [ -z "$mirror" ]; then
      mirror=http://deb.debian.org/debian
      echo "setup: no Debian mirror found in /etc/apt/sources.list or /etc/apt/sources.list.d; using $mirror"
    fi
    echo "deb $mirror trixie main" | as_root tee /etc/apt/sources.list.d/trixie.list >/dev/null
    printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' | as_root tee /etc/apt/preferences.d/trixie-low >/dev/null
  fi
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t trixie libstdc++6 >/dev/null
fi

# Fashion-MNIST for the demo and the integration test.
if [ ! -d /usr/share/datasets/fashion-mnist ]; then
  echo "setup: installing dataset-fashion-mnist"
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >/dev/null
fi

echo "setup: ok"
