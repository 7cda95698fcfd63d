#!/usr/bin/env bash
# The vendor's path, end to end: install the host and SDK under a prefix,
# build examples/hello-analysis OUT OF TREE with clang++ and libc++ (the host
# is g++ with libstdc++), build the 1.0-era legacy plugin the same way against
# the frozen 1.0 headers, and check that the installed host loads and runs both.
set -euo pipefail
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
[[ -f $tmp/prefix/include/qloop/plugin.h && -f $tmp/prefix/lib/cmake/QLoopSDK/QLoopSDKConfig.cmake ]] ||
  fail "the SDK was not installed"

clang_flags=(-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS=-stdlib=libc++
  -DCMAKE_MODULE_LINKER_FLAGS=-stdlib=libc++ -DCMAKE_SHARED_LINKER_FLAGS=-stdlib=libc++)
cmake -S "$src/examples/hello-analysis" -B "$tmp/hello" -G Ninja "${clang_flags[@]}" \
  -DCMAKE_PREFIX_PATH="$tmp/prefix" >"$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log"; fail "configure"; }
cmake --build "$tmp/hello" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "build"; }
plugin=$tmp/hello/qloop-analysis-hello.so
readelf -d "$plugin" | grep -q 'libc++.so' || fail "the example was not linked against libc++"
readelf -d "$plugin" | grep -q 'libstdc++' && fail "the example pulled in libstdc++"
grep -q 'clang' <(readelf -p .comment "$plugin") || fail "the example was not built by clang"

# The legacy plugin, compiled by clang/libc++ against the frozen 1.0 headers.
mkdir -p "$tmp/legacy"
clang++ -std=c++20 -stdlib=libc++ -fPIC -shared -fvisibility=hidden -Wl,--no-undefined \
  -I "$src/tests/abi/frozen/v1_0" "$src/tests/abi/plugins/v1_0_plugin.cpp" \
  -o "$tmp/legacy/qloop-analysis-test-legacy.so"

printf '[plugins]\ndirs = %s, %s\n[log]\nfile =\nlevel = warn\n[analysis.hello]\ndecimals = 3\n' \
  "$tmp/hello" "$tmp/legacy" >"$tmp/qloop.ini"
qloop=$tmp/prefix/bin/qloop
"$qloop" --config "$tmp/qloop.ini" plugins list
info=$("$qloop" --config "$tmp/qloop.ini" plugins info analysis.hello --json)
grep -q '"state": "loaded"' <<<"$info" || fail "hello was not loaded: $info"
grep -q '"abi": "1.3"' <<<"$info" || fail "hello does not report ABI 1.3: $info"
legacy=$("$qloop" --config "$tmp/qloop.ini" plugins info analysis.test-legacy --json)
grep -q '"abi": "1.0"' <<<"$legacy" || fail "legacy plugin not loaded as 1.0: $legacy"

echo '{"data": {"values": [74.030, 74.002, 74.019, 73.992, 74.008]}}' >"$tmp/req.json"
out=$("$qloop" --config "$tmp/qloop.ini" analyze hello.stats --input "$tmp/req.json")
echo "$out"
# mean 74.0102, sample sd 0.014772 (checked by hand); decimals = 3 from config
grep -q '"mean": 74.01' <<<"$out" || fail "wrong mean"
grep -q '"sd": 0.015' <<<"$out" || fail "wrong sd or config not applied"
set +e
"$qloop" --config "$tmp/qloop.ini" analyze hello.stats --input <(echo '{"data":{"values":[1]}}') 2>"$tmp/err"
rc=$?
set -e
[[ $rc -eq 5 ]] || fail "a bad request should exit 5, got $rc"
grep -q "needs at least 2 numbers" "$tmp/err" || fail "error message lost: $(cat "$tmp/err")"
legacy_out=$("$qloop" --config "$tmp/qloop.ini" analyze legacy --input "$tmp/req.json")
grep -q '"abi": "1.0"' <<<"$legacy_out" || fail "legacy plugin did not answer"
echo "out-of-tree clang/libc++ plugins load and work"
