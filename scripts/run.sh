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

export EDIGW_DATABASE_URL=$url EDIGW_OBJECTS=$store
gen=var/generated
mkdir -p "$gen"
for kind in 837p 835 278; do
	$edigw gen --kind "$kind" --claims 2000 --seed "$RANDOM" -o "$gen/generated-$kind.edi"
done

echo
echo "== edigw replay: the 62308 story, the fixtures and generated files through the pipeline"
echo "   (validate, acknowledge, store in PostgreSQL, archive; broken-*.edi are meant to fail)"
$edigw replay fixtures/story fixtures/edi "$gen" || true

echo
echo "== replaying the story's 837 again: a duplicate, nothing stored twice"
$edigw replay fixtures/story/03-837p-claims.edi || true

echo
echo "== acknowledgments edigw wrote (outbound/)"
ls "$store/$partner/outbound" | head -20

echo
echo "== the 277CA for the story's claims"
cat "$store/$partner/outbound"/03-837p-claims.*.277ca.x12

echo
echo "== events (the feed billing systems poll)"
psql_bin=/usr/lib/postgresql/15/bin/psql
if [ -x "$psql_bin" ]; then
	"$psql_bin" "$url" -c "SELECT id, kind, reference, status FROM events ORDER BY id LIMIT 15" 2>/dev/null || true
fi
echo
echo "records are in $url; files in $store/$partner/{inbound,outbound,archive,error}"
