# robin-report: the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
BUILD_FLAGS ?=
# Debian packages: to build (libcmark for Markdown -> HTML, libcurl for SMTP), and
# to test (a real browser reads the report; publish commits with git).
BUILD_PACKAGES := libcmark-dev pkg-config libcurl4-openssl-dev
TEST_PACKAGES := $(BUILD_PACKAGES) chromium git
APT_PACKAGES ?= $(BUILD_PACKAGES)

.PHONY: all build release test deps pydeps demo bench screenshots fuzz clean

all: build

# Installs the system packages the build and tests need: with apt-get when root,
# otherwise says exactly what to install.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "missing system packages; run: sudo apt-get install -y$$missing" >&2; exit 1; fi; \
	fi

# The Python helper the email tests need: aiosmtpd, the real SMTP server they send
# to on loopback (scripts/smtp_sink.py). The tests install it too if it is missing.
pydeps:
	@python3 -c 'import aiosmtpd' 2>/dev/null || { echo "installing aiosmtpd (pip)"; \
	  python3 -m pip install --quiet --disable-pip-version-check aiosmtpd; }

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release $(BUILD_FLAGS)

# The Swift tests (the email tests send through a real SMTP server on loopback, the
# publish tests commit to real git repositories), and the numbers cross-checked
# against the independent Python implementation of METRICS.md (scripts/crosscheck.sh).
test: pydeps
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(TEST_PACKAGES)"
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	scripts/crosscheck.sh .build/debug/robin-report
	$(SWIFT) test --skip-build $(BUILD_FLAGS)

# A report from the built-in Robin API simulator (no token, no network): Output/demo/.
demo: release
	.build/release/robin-report demo

# Speed and memory against DuckDB and pandas on a generated month (docs/performance.md).
bench: release
	scripts/bench.sh
	scripts/bench-fetch.sh

# libFuzzer on the export readers, the config loader and the metrics.json reader,
# FUZZ_SECONDS (default 300) a target; crashes go to Fuzz/crashes/ (README "Fuzzing").
fuzz: deps
	SWIFT="$(SWIFT)" Fuzz/fuzz.sh

# Screenshots of the demo report at 1280 and 375 px wide (docs/), for people to look at.
screenshots: demo
	for width in 1280 375; do \
	  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=$$width,3000 \
	    --screenshot=docs/report-$$width.png "file://$$PWD/Output/demo/$$(ls Output/demo | grep -- -W | sort | tail -1)/report.html"; \
	done

clean:
	rm -rf .build
