# Liangzhan: the two commands (see README.md).
#   make run    install what is missing, build, create the demo county, serve
#   make test   install what is missing, build, run every test (plain and ASan+UBSan)
#   make bench  run the benchmarks and rewrite BENCHMARKS.md
SHELL := /bin/bash
BUILD ?= build
SAN_BUILD ?= build-san
DB ?= var/liangzhan.db
SCALE ?= small
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: deps build test test-plain test-san run bench clean format web e2e

deps:
	@bash scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

$(SAN_BUILD)/build.ninja:
	cmake -S . -B $(SAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLZ_SANITIZE=ON -DLZ_BENCH=OFF $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja web
	ninja -C $(BUILD) -j$(JOBS) liangzhan

web:
	bash scripts/build-web.sh

e2e: build
	node tests/e2e/run.mjs $(BUILD)/liangzhan web/dist

test: deps web test-plain test-san

test-plain: $(BUILD)/build.ninja
	ninja -C $(BUILD) -j$(JOBS)
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure --timeout 600

test-san: $(SAN_BUILD)/build.ninja
	ninja -C $(SAN_BUILD) -j$(JOBS)
	cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest -j$(JOBS) --output-on-failure --timeout 900

run: build
	@mkdir -p $(dir $(DB))
	@if [ ! -f $(DB) ]; then $(BUILD)/liangzhan demo --db $(DB) --scale $(SCALE); fi
	@$(BUILD)/liangzhan stats --db $(DB)
	$(BUILD)/liangzhan serve --db $(DB) --listen $(LISTEN) --first-admin

bench: deps $(BUILD)/build.ninja
	ninja -C $(BUILD) -j$(JOBS)
	bash bench/run.sh $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(SAN_BUILD)
