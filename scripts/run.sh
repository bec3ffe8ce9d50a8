#!/usr/bin/env bash
# scripts/run.sh - `make run`: the main job on embedded defaults.
#
# Starts the embedded PostgreSQL cluster under ./var/pg (it keeps running;
# `make stop` stops it), lays out the local-directory object store under
# ./var/objects, drops generated 837P, 835 and 278 files and the project's
# fixtures into its inbound prefix, and runs every file through edigw:
# parse (envelope check and summary) and render.
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
	echo "== edigw parse $f"
	$edigw parse "$f" || status=$?
done

echo
echo "== edigw render (first 12 segments of the 278 request)"
$edigw render "$in/generated-278.edi" | head -13 || true # head closes the pipe early

echo
echo "files with envelope errors are expected among the fixtures (broken-*.edi); last exit status $status"
