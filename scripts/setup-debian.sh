#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, test and run SchedDsl.
# Idempotent: every step checks first and only acts when something is missing.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    $SUDO apt-get update -qq
    apt_updated=1
  fi
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET SDK 10 is required (dotnet was not found on PATH); see global.json for the version." >&2
  exit 1
fi

# TorchSharp 0.107's libLibTorchSharp.so needs libstdc++ with GLIBCXX_3.4.32 (GCC 13+);
# Debian 12 ships GCC 12's. Take only libstdc++6 from Debian 13 (trixie), pinned low.
libstdcxx=$(ldconfig -p | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')
if [ -z "$libstdcxx" ] || ! grep -q GLIBCXX_3.4.32 "$libstdcxx"; then
  echo "setup: libstdc++ lacks GLIBCXX_3.4.32; installing libstdc++6 from Debian trixie"
  if [ ! -f /etc/apt/sources.list.d/trixie.list ]; then
    echo "deb http://deb.debian.org/debian trixie main" | $SUDO tee /etc/apt/sources.list.d/trixie.list >/dev/null
    printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' | $SUDO tee /etc/apt/preferences.d/trixie-low >/dev/null
  fi
  apt_update_once
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -t trixie libstdc++6 >/dev/null
fi

# Fashion-MNIST for the demo and the integration test.
if [ ! -d /usr/share/datasets/fashion-mnist ]; then
  echo "setup: installing dataset-fashion-mnist"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq dataset-fashion-mnist >/dev/null
fi

echo "setup: ok"
