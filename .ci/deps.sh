#!/usr/bin/env bash
# Installs the Debian packages of a list (default .ci/packages.txt; `make
# bench` adds .ci/bench-packages.txt) that are not installed yet.
# Idempotent and quiet when everything is there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done <"${1:-$here/packages.txt}"
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "qloop: installing missing Debian packages: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
