# The two set-up commands of the README. Both install what is missing first.
#   make run   - build and start the host on its default configuration
#   make test  - build and run every test (release build, then the ASan/UBSan core tests)
PRESET ?= release
JOBS ?= $(shell nproc)
BUILD := build/$(PRESET)
QLOOP := $(BUILD)/bin/qloop

.PHONY: run test deps build build-asan test-release test-asan bench abi-baseline format clean tidy

# Until `qloop serve` arrives, "running" is the ledger on demo data: seeded on
# first start, then the open complaints, the SLA watch list and the plugins.
run: build
	@$(QLOOP) --config config/qloop.ini version
	@$(QLOOP) --config config/qloop.ini --log-level warn demo seed --count 500 --years 1 --if-empty
	@test -f data/models/classify/meta.json || $(QLOOP) --config config/qloop.ini --log-level warn classify train | head -1
	@$(QLOOP) --config config/qloop.ini --log-level warn complaint list --open --limit 15
	@$(QLOOP) --config config/qloop.ini --log-level warn sla check --within 24
	@$(QLOOP) --config config/qloop.ini --log-level warn plugins list
	@echo "Ledger in data/qloop.db. Next: $(QLOOP) --config config/qloop.ini complaint show NUMBER (a number from the list above)"

test: deps
	$(MAKE) test-release
	$(MAKE) test-asan

deps:
	@bash .ci/deps.sh

build: deps
	@cmake --preset $(PRESET) >/dev/null
	cmake --build --preset $(PRESET) -j $(JOBS)

test-release: build
	ctest --preset $(PRESET)

# The asan test preset sets intercept_tls_get_addr=0: up to GCC 13 the sanitizer
# runtime misreads a dlopen'ed plugin's thread_local block as an old glibc header
# and LeakSanitizer's tracer segfaults at exit, now and then, after a passing test.
test-asan:
	@cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan

bench: build
	@bash .ci/deps.sh .ci/bench-packages.txt
	bash bench/run-all.sh $(BUILD)

# Regenerates the checked-in ABI baseline after a deliberate minor bump.
abi-baseline: build
	bash tests/abi/abi_check.sh $(BUILD)/abi/libqloop_abi_probe.so --update

# The frozen 1.0 headers under tests/abi/frozen stay byte for byte as published.
format:
	git ls-files '*.c' '*.h' '*.cpp' '*.hpp' | grep -v '^tests/abi/frozen/' | xargs clang-format-14 -i

clean:
	rm -rf build

# clang-tidy's core checks over the host (uses the release build's compile_commands.json).
tidy: build
	git ls-files 'core/*.cpp' | xargs -P $(JOBS) -n 4 clang-tidy -p $(BUILD) --quiet
