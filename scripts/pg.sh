#!/usr/bin/env bash
# scripts/pg.sh - a throwaway PostgreSQL 15 cluster for tests.
#
#   scripts/pg.sh start DIR   initdb (first time) and start; prints the URL
#   scripts/pg.sh stop DIR    stop the cluster (no error if it is not running)
#   scripts/pg.sh url DIR     print the URL of the running cluster
#
# The cluster lives in DIR/data, logs to DIR/log, listens on 127.0.0.1 only
# (on a free port picked at start) with trust authentication, and its URL
# ("postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable") is printed
# on stdout and written to DIR/url. Everything else goes to stderr.
# `start` on a running cluster only prints its URL.
#
# Binaries come from $PGBIN (default /usr/lib/postgresql/15/bin). When they
# are missing and we are root, the Debian package postgresql-15 is installed.
#
# initdb refuses to run as root, so as root DIR is chowned to the `postgres`
# user and the server runs as that user: every parent directory of DIR must
# then be traversable (o+x) by `postgres`. /tmp and a `mktemp -d` directory
# chmod'ed 755 are fine; a directory under /root is not.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGUSER_OS=postgres

die() {
	echo "pg.sh: $*" >&2
	exit 1
}

usage() {
	echo "usage: $0 start|stop|url DIR" >&2
	exit 2
}

[ $# -eq 2 ] || usage
cmd=$1
case $cmd in
start) mkdir -p "$2" ;;
stop) [ -d "$2" ] || exit 0 ;;
url) [ -d "$2" ] || die "no cluster in $2" ;;
*) usage ;;
esac
DIR=$(cd "$2" && pwd)
DATA=$DIR/data

is_root() { [ "$(id -u)" -eq 0 ]; }

# as_pg runs a command as the user that owns the cluster.
as_pg() {
	if is_root; then
		runuser -u "$PGUSER_OS" -- "$@"
	else
		"$@"
	fi
}

ensure_binaries() {
	[ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] && return 0
	if is_root && command -v apt-get >/dev/null 2>&1; then
		echo "pg.sh: $PGBIN/initdb not found; installing postgresql-15 with apt-get" >&2
		apt-get update >&2 || die "apt-get update failed"
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 >&2 ||
			die "apt-get install postgresql-15 failed"
	fi
	[ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] ||
		die "PostgreSQL 15 binaries not found in $PGBIN (install the Debian package postgresql-15, or set PGBIN)"
}

# free_port prints a TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
	if command -v python3 >/dev/null 2>&1 &&
		python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null; then
		return 0
	fi
	local p
	for _ in $(seq 1 100); do
		p=$((20000 + RANDOM % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	die "no free port found"
}

running() {
	[ -f "$DATA/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

url_of() {
	echo "postgres://postgres@127.0.0.1:$1/postgres?sslmode=disable"
}

# sock_dir prints a directory for the Unix socket: DIR/sock unless that path is
# too long for a socket name (about 107 bytes), then a short one under /tmp.
sock_dir() {
	local s=$DIR/sock
	if [ ${#s} -gt 80 ]; then
		if [ -f "$DIR/sockdir" ] && [ -d "$(cat "$DIR/sockdir")" ]; then
			s=$(cat "$DIR/sockdir")
		else
			s=$(mktemp -d /tmp/edigw-pg.XXXXXX)
			echo "$s" >"$DIR/sockdir"
		fi
	fi
	mkdir -p "$s"
	is_root && chown "$PGUSER_OS" "$s"
	echo "$s"
}

start() {
	ensure_binaries
	if running && [ -f "$DIR/url" ]; then
		cat "$DIR/url"
		return 0
	fi
	if is_root; then
		id "$PGUSER_OS" >/dev/null 2>&1 || die "user $PGUSER_OS does not exist (it comes with the postgresql-15 package)"
		chown -R "$PGUSER_OS" "$DIR"
		runuser -u "$PGUSER_OS" -- test -x "$DIR" -a -w "$DIR" ||
			die "user $PGUSER_OS cannot enter $DIR: make every parent directory traversable (chmod o+x)"
	fi
	if [ ! -f "$DATA/PG_VERSION" ]; then
		rm -rf "$DATA"
		as_pg "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust --no-sync \
			--encoding=UTF8 --locale=C >"$DIR/initdb.log" 2>&1 || {
			cat "$DIR/initdb.log" >&2
			die "initdb failed"
		}
	fi
	local port sock
	port=$(free_port)
	sock=$(sock_dir)
	if ! as_pg "$PGBIN/pg_ctl" -D "$DATA" -w -t 60 -l "$DIR/log" \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $sock -c fsync=off" start >&2; then
		echo "pg.sh: last lines of $DIR/log:" >&2
		tail -n 30 "$DIR/log" >&2 || true
		die "pg_ctl start failed"
	fi
	echo "$port" >"$DIR/port"
	url_of "$port" >"$DIR/url"
	cat "$DIR/url"
}

stop() {
	if running; then
		as_pg "$PGBIN/pg_ctl" -D "$DATA" -w -t 60 -m fast stop >&2 ||
			die "pg_ctl stop failed"
	fi
	rm -f "$DIR/url"
	if [ -f "$DIR/sockdir" ]; then
		rm -rf "$(cat "$DIR/sockdir")"
		rm -f "$DIR/sockdir"
	fi
}

case $cmd in
start) start ;;
stop) stop ;;
url)
	running && [ -f "$DIR/url" ] || die "no cluster running in $DIR"
	cat "$DIR/url"
	;;
*) usage ;;
esac
