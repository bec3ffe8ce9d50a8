#!/usr/bin/env bash
# scripts/with-services.sh CMD [ARG...] - run CMD with a throwaway PostgreSQL
# (scripts/pg.sh) and S3 server (scripts/s3.sh) up, and exit with its status.
#
# CMD sees, besides its usual environment:
#   EDIGW_TEST_DATABASE_URL  postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable
#   EDIGW_TEST_S3=1          the AWS_* variables below point at the test server
#   AWS_ENDPOINT_URL_S3      http://127.0.0.1:PORT
#   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION (us-east-1)
# internal/testenv reads these.
#
# The servers live under $EDIGW_TEST_DIR (default: a new `mktemp -d`
# directory) in pg/ and s3/. Both are stopped and their directories removed
# when the script exits, also when CMD fails or the run is interrupted; set
# EDIGW_KEEP_TEST_DIR=1 to keep the directories (data and logs).
set -euo pipefail

[ $# -ge 1 ] || {
	echo "usage: $0 CMD [ARG...]" >&2
	exit 2
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [ -n "${EDIGW_TEST_DIR:-}" ]; then
	mkdir -p "$EDIGW_TEST_DIR"
	base=$(cd "$EDIGW_TEST_DIR" && pwd)
	own_base=false
else
	base=$(mktemp -d "${TMPDIR:-/tmp}/edigw-test.XXXXXX")
	own_base=true
fi
# As root, PostgreSQL runs as the postgres user, who must be able to enter
# the directory (mktemp makes it 0700).
chmod o+x "$base"

# shellcheck disable=SC2317 # invoked by trap
cleanup() {
	local status=$?
	trap - EXIT INT TERM HUP
	set +e
	"$here/s3.sh" stop "$base/s3"
	"$here/pg.sh" stop "$base/pg"
	if [ "${EDIGW_KEEP_TEST_DIR:-}" = 1 ]; then
		echo "with-services: kept $base" >&2
	elif $own_base; then
		rm -rf "$base"
	else
		rm -rf "$base/pg" "$base/s3"
	fi
	exit "$status"
}
trap cleanup EXIT

# On INT, TERM or HUP: pass the signal on to CMD, give it 15s to end (then
# SIGKILL), and exit 128+signal, which runs cleanup.
child=
# shellcheck disable=SC2317 # invoked by trap
on_signal() {
	local sig=$1 code=$2 i
	trap '' INT TERM HUP
	if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
		kill -s "$sig" "$child" 2>/dev/null
		for ((i = 0; i < 150; i++)); do
			kill -0 "$child" 2>/dev/null || break
			sleep 0.1
		done
		kill -0 "$child" 2>/dev/null && kill -s KILL "$child" 2>/dev/null
		wait "$child" 2>/dev/null
	fi
	exit "$code"
}
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM
trap 'on_signal HUP 129' HUP

EDIGW_TEST_DATABASE_URL=$("$here/pg.sh" start "$base/pg")
export EDIGW_TEST_DATABASE_URL
"$here/s3.sh" start "$base/s3" >/dev/null
set -a
# shellcheck source=/dev/null
. "$base/s3/env"
set +a
export EDIGW_TEST_S3=1
# Credentials from elsewhere would be mixed with the test ones.
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_DEFAULT_PROFILE

echo "with-services: EDIGW_TEST_DATABASE_URL=$EDIGW_TEST_DATABASE_URL" >&2
echo "with-services: AWS_ENDPOINT_URL_S3=$AWS_ENDPOINT_URL_S3 (EDIGW_TEST_S3=1)" >&2

# CMD runs in the background so that a signal reaches the traps above at
# once; it keeps stdin, and gets SIGINT back (bash ignores it in background
# commands) so that Ctrl-C still reaches it directly.
set +e
(
	trap - INT QUIT
	exec "$@"
) <&0 &
child=$!
wait "$child"
status=$?
set -e
exit "$status"
