#!/usr/bin/env bash
# scripts/bench.sh [PATTERN] [BENCHTIME] - `make bench`: run the Go benchmarks
# (edi Reader/Check vs the IndexByte floor and moov-io/x12 on 1, 10 and 100 MB
# 837P and 835 files; peak RSS of `edigw parse` on a 1 GB file; storage loads,
# end-to-end ingest from S3 and the HTTP API under load, which need the
# services scripts/with-services.sh starts) and keep the output in var/bench/.
# Figures are recorded by hand in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pattern=${1:-.}
benchtime=${2:-1s}
mkdir -p var/bench
out=var/bench/$(date -u +%Y%m%dT%H%M%SZ).txt
{
	echo "# $(go version) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
	bash scripts/with-services.sh go test -run '^$' -bench "$pattern" -benchmem -benchtime "$benchtime" -timeout 90m ./...
} 2>&1 | tee "$out"
cp "$out" var/bench/latest.txt
echo "saved to $out"
