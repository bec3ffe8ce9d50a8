#!/usr/bin/env bash
# scripts/run.sh - `make run`: the main job on embedded defaults.
#
# Starts the embedded PostgreSQL cluster under ./var/pg (it keeps running;
# `make stop` stops it), lays out the local-directory object store under
# ./var/objects, drops generated 837P, 835 and 278 files and the project's
# fixtures into its inbound prefix, and runs every file through edigw:
# validation and acknowledgments (TA1, 999, 277CA) into the outbound prefix.
# Then it starts `edigw serve`, drops a new file while it serves, and shows
# the file processed, health, metrics and the billing-system API (a token
# for the story's provider, its event and remittance feeds) and the web
# console before stopping the server; it ends by printing the console's URL
# and tokens to sign in with.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
edigw=bin/edigw
[ -x "$edigw" ] || go build -o "$edigw" ./cmd/edigw

# What edigw and this script create (objects, generated files, the
# server's log) is 0640 and directories 0750: they hold PHI.
umask 027
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
	# One practice (the story's) bills the 837P and is paid by the 835:
	# a payment matches its claim only inside its payee.
	$edigw gen --kind "$kind" --claims 2000 --seed "$RANDOM" --npi 1234567893 --tin 061234567 \
		--provider-name "HOMECARE MEDICAL SUPPLY" -o "$gen/generated-$kind.edi"
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
echo "== edigw serve: the daemon polls inbound, serves the API, health and metrics"
port=${EDIGW_RUN_PORT:-18080}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
base=http://127.0.0.1:$port
$edigw serve --listen "127.0.0.1:$port" --poll 1s >var/serve.log 2>&1 &
serve_pid=$!
trap 'kill -TERM $serve_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
echo "healthz: $(curl -fs "$base/healthz")   readyz: $(curl -fs "$base/readyz")"

echo
echo "== a new 837P dropped into inbound/ while serving"
$edigw gen --kind 837p --claims 500 --seed "$RANDOM" -o "$store/$partner/inbound/while-serving.edi"
# archive/YYYY/MM/DD/ID/NAME: each file rests under a key of its own
for _ in $(seq 1 100); do compgen -G "$store/$partner/archive/*/*/*/*/while-serving.edi" >/dev/null && break; sleep 0.2; done
ls "$store/$partner"/archive/*/*/*/*/while-serving.edi "$store/$partner/outbound"/while-serving.* 2>/dev/null || echo "(not processed yet: see var/serve.log)"

echo
echo "== metrics (excerpt)"
curl -fs "$base/metrics" | grep -E '^edigw_(files|claims|http_requests)_total' | head -8 || true

echo
echo "== the billing-system API: a token for the story's provider (TIN 061234567, NPI 1234567893)"
secret=$($edigw token create --name make-run --entitlement claims,precertification,remittances --tin 061234567 --npi 1234567893 2>/dev/null)
echo "GET /v1/events?limit=5"
curl -fs -H "Authorization: Bearer $secret" "$base/v1/events?limit=5"
echo
echo "GET /v1/remittances?limit=1 (first 600 bytes)"
curl -fs -H "Authorization: Bearer $secret" "$base/v1/remittances?limit=1" | head -c 600
echo
echo "without a token: $(curl -s -o /dev/null -w '%{http_code}' "$base/v1/events")"

echo
echo "== the web console (docs/console.md): sign-in page $(curl -s -o /dev/null -w '%{http_code}' "$base/signin"), a page without a session $(curl -s -o /dev/null -w '%{http_code}' "$base/claims") (to the sign-in page)"
operator=$($edigw token create --name make-run-operations --entitlement operations 2>/dev/null)

kill -TERM "$serve_pid" && wait "$serve_pid" || true
trap - EXIT
echo
echo "records are in $url; files in $store/$partner/{inbound,outbound,archive,error}"
echo "serve it yourself: EDIGW_DATABASE_URL=$url $edigw serve --objects $store --listen 127.0.0.1:8080  (API guide: docs/api.md)"
echo
echo "== then open the web console at http://127.0.0.1:8080/ and sign in with a token:"
echo "   the story's provider (worklist, claims, files): $secret"
echo "   operations (dashboard, file ledger):           $operator"
