# Plus IKC: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
HOST ?= 127.0.0.1
PORT ?= 8080
# The address users reach the site at; absolute links (set-password, share) are made from it.
PUBLIC_URL ?= http://$(HOST):$(PORT)
DB ?= data/plusikc.sqlite
# PROGRAMME=amsterdam-west: seed a new database with the second programme's demo (issue 22).
PROGRAMME ?=
# Where e-mail goes: file:DIR (each message an .eml file), smtp://host:port or sendmail:/path.
MAIL ?= file:data/mail
RELEASE_BIN := .build/release/plusikc

.PHONY: run test test-fast test-deps bench bench-report clean deps build release

# System libraries the package links (headers and pkg-config files); installed only when missing.
deps:
	@missing=""; \
	pkg-config --exists sqlite3 || missing="$$missing libsqlite3-dev"; \
	pkg-config --exists libxcrypt || missing="$$missing libcrypt-dev"; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi

# What the tests use beyond the build: rsvg-convert (librsvg2-bin) and zbarimg (zbar-tools)
# read our QR codes back (Tests/OTPTests); without them those tests are skipped, not failed.
test-deps:
	@missing=""; \
	command -v rsvg-convert >/dev/null || missing="$$missing librsvg2-bin"; \
	command -v zbarimg >/dev/null || missing="$$missing zbar-tools"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

release: deps
	swift build -c release --product plusikc

run: release
	@mkdir -p $(dir $(DB))
	@if [ ! -f "$(DB)" ]; then \
	  $(RELEASE_BIN) migrate --db "$(DB)" && $(RELEASE_BIN) seed-demo --db "$(DB)" $(if $(PROGRAMME),--programme $(PROGRAMME)) >/dev/null; \
	else \
	  $(RELEASE_BIN) migrate --db "$(DB)"; \
	fi
	@echo
	@echo "Plus IKC: http://$(HOST):$(PORT)"
	@echo "E-mail: $(MAIL)  (file: each message an .eml file there; make run MAIL=smtp://host:port for a relay)"
	@echo "Demo log-ins:"
	@cat "$(DB).demo-accounts.txt" 2>/dev/null || echo "  (no demo accounts file next to $(DB); create a user with: $(RELEASE_BIN) create-user --help)"
	@echo
	$(RELEASE_BIN) serve --db "$(DB)" --host "$(HOST)" --port "$(PORT)" --public-url "$(PUBLIC_URL)" --mail "$(MAIL)"

# make test: the Swift tests, then the browser suite (journeys in headless Chromium, the W3C
# HTML checker, accessibility checks; Tests/Browser/run.sh installs what it needs).
# make test-fast: the Swift tests only.
# Both run on an optimised build with testing enabled, in its own folder (.build/tests) so that
# `make run`'s release build is left alone: the suite needs a third of the CPU time it needs on
# a debug build (README, "Tests"). Tests/run-swift-tests.sh runs the built bundle in five
# processes at once. Plain `swift test` still works, on the debug build.
TEST_FLAGS := -c release -Xswiftc -enable-testing --scratch-path .build/tests
TEST_BIN := .build/tests/release/plusikc

test: test-fast
	SKIP_BUILD=1 PLUSIKC_BIN=$(TEST_BIN) Tests/Browser/run.sh
	$(MAKE) fuzz FUZZ_SECONDS=20

test-fast: deps test-deps
	swift build --build-tests $(TEST_FLAGS)
	Tests/run-swift-tests.sh .build/tests/release/PlusIKCPackageTests.xctest

# make fuzz: libFuzzer targets for every parser of untrusted input, FUZZ_SECONDS (default 60)
# each, built with swiftc into .build-fuzz/ (README, "Fuzzing"); make fuzz-ci: 20 s each.
FUZZ_SECONDS ?= 60
.PHONY: fuzz fuzz-ci
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) Tests/Fuzz/run.sh

fuzz-ci:
	$(MAKE) fuzz FUZZ_SECONDS=20

bench: release
	Tests/Bench/run.sh

# The report draft at 9, 30, 100 and 300 IKCs (seed-demo --ikcs N): how it scales.
bench-report: release
	NO_BUILD=1 Tests/Bench/run.sh --report

clean:
	rm -rf .build
