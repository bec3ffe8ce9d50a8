# edigw — the two commands a fresh machine needs are `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
CACHE ?= $(or $(EDIGW_CACHE),$(HOME)/.cache/edigw)
STATICCHECK := $(CACHE)/bin/staticcheck-v0.8.2
FUZZTIME ?= 30s
BENCH ?= .
BENCHTIME ?= 1s

.PHONY: all build run test unit bench fuzz lint clean stop

all: build

# build: the binary, with the VCS commit (when built in a git work tree) and the build date
# that `edigw --version` and edigw_build_info report.
build:
	$(GO) build -buildvcs=auto -ldflags "-X main.buildDate=$$(date -u +%Y-%m-%dT%H:%M:%SZ)" -o bin/edigw ./cmd/edigw

## run: the main job on embedded defaults (PostgreSQL and an object store under ./var/)
run: build
	bash scripts/run.sh

## stop: stop the embedded PostgreSQL that `make run` started
stop:
	bash scripts/pg.sh stop var/pg

## test: the whole suite, with a throwaway PostgreSQL and S3 server (versitygw), and
## Chromium for the console's browser tests (scripts/chromium.sh installs Debian's chromium)
test:
	@browser=$$(bash scripts/chromium.sh) || echo "make test: no Chromium; the console's browser tests skip (and fail under CI=true)"; \
	EDIGW_CHROMIUM=$$browser bash scripts/with-services.sh $(GO) test -count=1 ./...

## unit: the fast tests only (integration tests skip without their servers)
unit:
	$(GO) test ./...

## bench: benchmarks and figures (see docs/benchmarks.md)
bench:
	bash scripts/bench.sh '$(BENCH)' '$(BENCHTIME)'

## fuzz: run every fuzz target for FUZZTIME each; crashers land in testdata/fuzz and stay as seeds
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
			echo "== $$pkg $$target"; \
			$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

## lint: gofmt, go vet and staticcheck v0.8.2
lint: $(STATICCHECK)
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	$(GO) mod tidy -diff
	$(GO) vet ./...
	$(STATICCHECK) ./...

$(STATICCHECK):
	mkdir -p $(CACHE)/bin
	cd /tmp && GOFLAGS=-mod=mod GOBIN=$(CACHE)/bin $(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2
	mv $(CACHE)/bin/staticcheck $(STATICCHECK)

clean:
	rm -rf bin
