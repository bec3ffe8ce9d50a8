#!/usr/bin/env bash
# scripts/run.sh - `make run`: the main job on embedded defaults.
#
# Starts the embedded PostgreSQL cluster under ./var/pg (it keeps running;
# `make stop` stops it), lays out the local-directory object store under
# ./var/objects, drops generated 837P, 835 and 278 files and the project's
# fixtures into its inbound prefix, and runs every file through edigw:
# validation and acknowledgments (TA1, 999, 277CA) into the outbound prefix.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
edigw=bin/edigw
[ -x "$edigw" ] || go build -o "$edigw" ./cmd/edigw

mkdir -p var
# As root, PostgreSQL runs as `postgres`, who must be able to enter ./var.
chmod o+x var . 2>/dev/null || true
url=$(bash scripts/pg.sh start "$PWD/var/pg")
echo "== PostgreSQL (embedded default): $url"

store=var/objects
partner=cigna-62308
for p in inbound outbound archive error; do mkdir -p "$store/$partner/$p"; done
echo "== object store (local directory): $store/$partner/{inbound,outbound,archive,error}"

in=$store/$partner/inbound
for kind in 837p 835 278; do
	$edigw gen --kind "$kind" --claims 2000 --seed 62308 -o "$in/generated-$kind.edi"
done
cp fixtures/edi/*.edi "$in/"

status=0
for f in "$in"/*; do
	echo
	echo "== edigw ack $f"
	$edigw ack "$f" --out "$store/$partner/outbound" || status=$?
done

echo
echo "== edigw validate (the 837 with one bad claim)"
$edigw validate "$in/cigna-837p-one-claim-rejected.edi" || true

echo
echo "== the 277CA it received (one claim accepted, one rejected)"
cat "$store/$partner/outbound"/cigna-837p-one-claim-rejected.*.277ca.edi

echo
echo "== edigw render -e (first segments of the 278 request, with loops and element names)"
$edigw render -e "$in/generated-278.edi" | head -30 || true # head closes the pipe early

echo
echo "acknowledgments are in $store/$partner/outbound; files with errors are expected among the fixtures (broken-*.edi)"
