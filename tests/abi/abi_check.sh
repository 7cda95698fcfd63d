#!/usr/bin/env bash
# Compares the ABI described by the probe library's debug info with the
# checked-in baseline (abigail-tools). Any difference fails: an incompatible
# change needs a new major; a compatible addition (a field at the end) needs
# QLOOP_ABI_MINOR bumped and the baseline regenerated with `make abi-baseline`.
set -euo pipefail
probe=$1
baseline=$(dirname "$0")/baseline/qloop-abi.xml
if [[ ${2:-} == "--update" ]]; then
  mkdir -p "$(dirname "$baseline")"
  abidw --no-corpus-path --no-comp-dir-path "$probe" >"$baseline"
  echo "wrote $baseline"
  exit 0
fi
current=$(mktemp)
trap 'rm -f "$current"' EXIT
abidw --no-corpus-path --no-comp-dir-path "$probe" >"$current"
set +e
abidiff --no-unreferenced-symbols "$baseline" "$current"
rc=$?
set -e
if [[ $rc -ne 0 ]]; then
  echo "ABI CHANGED against $baseline (abidiff exit $rc)." >&2
  echo "If the change is a compatible addition, bump QLOOP_ABI_MINOR and run 'make abi-baseline';" >&2
  echo "anything else breaks every plugin already built (see docs/sdk.md)." >&2
  exit 1
fi
echo "ABI matches the baseline"
