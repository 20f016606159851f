# docverify — two commands on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
APT_PACKAGES := pkg-config libcmark-dev libcurl4-openssl-dev
SWIFT_BUILD_FLAGS ?=
DOCVERIFY := .build/debug/docverify

.PHONY: deps build release demo test check-docs bench fuzz fuzz-smoke clean

# Installs the C libraries docverify links against, only when one is missing.
deps:
	@if ! pkg-config --exists libcmark libcurl 2>/dev/null || ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		echo "Installing $(APT_PACKAGES)…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	fi

build: deps
	swift build $(SWIFT_BUILD_FLAGS)

# The binary to install (.build/release/docverify): the Swift runtime linked in statically starts
# faster (no symbol lookups across a dozen Swift libraries) and runs where no Swift is installed.
# The first build takes several minutes.
release: deps
	swift build -c release --static-swift-stdlib --product docverify

# The main job on the bundled example: every scenario against the embedded mock endpoint.
demo: build
	$(DOCVERIFY) run docs/examples

# The CLI binary is built first: the real-client tests drive it as a separate process.
test: deps
	swift build $(SWIFT_BUILD_FLAGS)
	swift test $(SWIFT_BUILD_FLAGS)

# docverify checks its own documentation (static checks, then a run against the mock).
check-docs: build
	$(DOCVERIFY) check --strict docs
	$(DOCVERIFY) run docs

clean:
	rm -rf .build

# Speed and memory targets live here, not in the tests.
bench: deps
	bash bench/bench.sh

# Seeded mutation fuzzing of the readers (Markdown + DocFX, Python, JS, TS, shell, JSON): a million
# inputs a target by default (FUZZ_RUNS, FUZZ_SECONDS to change). fuzz-smoke is CI's short run.
fuzz: deps
	swift build -c release --product docverify-fuzz
	bash scripts/fuzz.sh

fuzz-smoke: build
	BIN=.build/debug/docverify-fuzz FUZZ_RUNS=100000000 FUZZ_SECONDS=$${FUZZ_SECONDS:-15} FUZZ_ARGS="--max-repeat 300 --input-timeout 120" bash scripts/fuzz.sh
