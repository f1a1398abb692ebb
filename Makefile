# robin-report: the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
BUILD_FLAGS ?=
# Debian packages: to build (libcmark for Markdown -> HTML, libcurl for SMTP), and
# to test (a real browser reads the report, also at 375 px through chromedriver, and
# prints it to PDF, read back with poppler's pdftotext; cmark-gfm renders report.md as
# GitHub does; publish commits with git).
BUILD_PACKAGES := libcmark-dev pkg-config libcurl4-openssl-dev
TEST_PACKAGES := $(BUILD_PACKAGES) chromium chromium-driver cmark-gfm poppler-utils git man-db groff-base
APT_PACKAGES ?= $(BUILD_PACKAGES)

# Where `make install` puts things: $(DESTDIR)$(PREFIX)/bin, share/man/man1 and the
# bash, zsh and fish completion folders. INSTALL_BUILD is the configuration
# installed: release for users; `make test` installs its debug build to stay fast.
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL_BUILD ?= release
BINDIR = $(DESTDIR)$(PREFIX)/bin
MAN1DIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
INSTALLED = $(BINDIR)/robin-report $(MAN1DIR)/robin-report.1 $(BASHDIR)/robin-report \
	$(ZSHDIR)/_robin-report $(FISHDIR)/robin-report.fish

.PHONY: all build release test soak deps pydeps demo bench screenshots clean install uninstall fuzz

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

# The Python packages the tests need: aiosmtpd, the real SMTP server the email tests
# send to on loopback (scripts/smtp_sink.py), and selenium, which drives Chromium
# through chromedriver for the phone layout test (scripts/phone_layout.py). The tests
# install them too if they are missing.
pydeps:
	@python3 -c 'import aiosmtpd' 2>/dev/null || { echo "installing aiosmtpd (pip)"; \
	  python3 -m pip install --quiet --disable-pip-version-check aiosmtpd; }
	@python3 -c 'import selenium' 2>/dev/null || { echo "installing selenium (pip)"; \
	  python3 -m pip install --quiet --disable-pip-version-check selenium; }

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release $(BUILD_FLAGS)

# The Swift tests (the email tests send through a real SMTP server on loopback, the
# publish tests commit to real git repositories), and the numbers cross-checked
# against the independent Python implementation of docs/metrics.md (scripts/crosscheck.sh).
test: pydeps
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(TEST_PACKAGES)"
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	scripts/crosscheck.sh .build/debug/robin-report
	scripts/test_install.sh
	@# Two runs: the loopback tests against the simulator (10 s time limits) apart from
	@# the CPU-heavy rest, whose in-process work and exit tests can take both threads of
	@# the cooperative pool for seconds on a 2-core machine and stall their servers.
	$(SWIFT) test --skip-build $(BUILD_FLAGS) --filter 'RobinFetchTests|RobinReportCLITests'
	$(SWIFT) test --skip-build $(BUILD_FLAGS) --skip 'RobinFetchTests|RobinReportCLITests'

# The Monday job (examples/weekly-report.sh) against the simulator with injected faults,
# killed with kill -9 at SOAK_KILLS (20) random points, each followed by reruns; then the
# cache, Output/, the docs repository and the mail must match a fault-free run
# (scripts/soak_job.py; about 10 minutes; SOAK_SEED=N replays its faults and kill points).
soak: pydeps
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(BUILD_PACKAGES) git"
	$(SWIFT) build $(BUILD_FLAGS)
	scripts/soak_job.py .build/debug/robin-report

# A report from the built-in Robin API simulator (no token, no network): Output/demo/.
demo: release
	.build/release/robin-report demo

# Speed and memory against DuckDB and pandas on a generated month (docs/performance.md).
bench: release
	scripts/bench.sh
	scripts/bench-job.sh
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
	week=Output/demo/$$(ls Output/demo | grep -- -W | sort | tail -1); \
	.build/release/robin-report email --config examples/demo.toml --report $$week --to leadership@example.com --dry-run > /dev/null && \
	scripts/email_html.py $$week/email.eml > $$week/email.html && \
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=640,2600 \
	  --screenshot=docs/email-600.png "file://$$PWD/$$week/email.html"

# The binary (templates are built in), bash/zsh/fish completions and the man page,
# all generated by swift-argument-parser from the command definitions: the
# completions by `robin-report --generate-completion-script`, the page by its
# generate-manual plugin (offline; blank lines become mdoc paragraphs).
install: deps
	$(SWIFT) build -c $(INSTALL_BUILD) --product robin-report $(BUILD_FLAGS)
	$(SWIFT) package $(BUILD_FLAGS) plugin generate-manual --configuration $(INSTALL_BUILD) >/dev/null
	@set -e; bin="$$($(SWIFT) build -c $(INSTALL_BUILD) $(BUILD_FLAGS) --show-bin-path)"; \
	  scratch="$$(dirname "$$(dirname "$$bin")")"; staged="$$scratch/install"; \
	  rm -rf "$$staged"; mkdir -p "$$staged"; \
	  sed 's/^$$/.Pp/' "$$scratch/plugins/GenerateManual/outputs/robin-report/robin-report.1" > "$$staged/robin-report.1"; \
	  for shell in bash zsh fish; do "$$bin/robin-report" --generate-completion-script $$shell > "$$staged/$$shell"; done; \
	  install -d "$(BINDIR)" "$(MAN1DIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"; \
	  install -m 755 "$$bin/robin-report" "$(BINDIR)/robin-report"; \
	  install -m 644 "$$staged/robin-report.1" "$(MAN1DIR)/robin-report.1"; \
	  install -m 644 "$$staged/bash" "$(BASHDIR)/robin-report"; \
	  install -m 644 "$$staged/zsh" "$(ZSHDIR)/_robin-report"; \
	  install -m 644 "$$staged/fish" "$(FISHDIR)/robin-report.fish"; \
	  for file in $(INSTALLED); do echo "installed $$file"; done

# Removes exactly what `make install` installed (same PREFIX and DESTDIR).
uninstall:
	rm -f $(INSTALLED)

clean:
	rm -rf .build
