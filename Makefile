# The two set-up commands of the README. Both install what is missing first.
#   make run   - build and start the host on its default configuration
#   make test  - build and run every test (release build, then the ASan/UBSan core tests)
PRESET ?= release
JOBS ?= $(shell nproc)
BUILD := build/$(PRESET)
QLOOP := $(BUILD)/bin/qloop

.PHONY: run test deps build build-asan test-release test-asan bench abi-baseline format clean

run: build
	$(QLOOP) --config config/qloop.ini version
	$(QLOOP) --config config/qloop.ini plugins list

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

test-asan:
	@cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan

bench: build
	bash bench/run-all.sh $(BUILD)

# Regenerates the checked-in ABI baseline after a deliberate minor bump.
abi-baseline: build
	bash tests/abi/abi_check.sh $(BUILD)/abi/libqloop_abi_probe.so --update

format:
	git ls-files '*.c' '*.h' '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
