#!/usr/bin/env bash
# scripts/s3.sh - a throwaway S3-compatible server (versitygw, posix backend).
#
#   scripts/s3.sh start DIR   install versitygw if needed and start it; prints the endpoint
#   scripts/s3.sh stop DIR    stop it (no error if it is not running)
#   scripts/s3.sh url DIR     print the endpoint of the running server
#
# The server stores buckets as directories under DIR/data, logs to DIR/log,
# keeps its pid in DIR/pid and listens on 127.0.0.1 only, on a free port
# picked at start. `start` prints the endpoint (http://127.0.0.1:PORT) on
# stdout and writes DIR/env, KEY=VALUE lines to source with `set -a`:
#   AWS_ENDPOINT_URL_S3, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION
# `start` on a running server only prints its endpoint.
#
# versitygw is built once with `go install` into
# ${EDIGW_CACHE:-$HOME/.cache/edigw}/bin (a cold build takes a minute or two)
# and is not a dependency of this module.
set -euo pipefail

VGW_VERSION=v1.8.0
CACHE=${EDIGW_CACHE:-${HOME:-/tmp}/.cache/edigw}/bin
VGW=$CACHE/versitygw
ACCESS_KEY=${EDIGW_S3_ACCESS_KEY:-edigwtest}
SECRET_KEY=${EDIGW_S3_SECRET_KEY:-edigwtestsecret}
REGION=us-east-1
WAIT_SECONDS=${EDIGW_S3_WAIT:-30}

die() {
	echo "s3.sh: $*" >&2
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
url) [ -d "$2" ] || die "no server in $2" ;;
*) usage ;;
esac
DIR=$(cd "$2" && pwd)

# install builds versitygw into the cache unless the wanted version is there.
# The stamp file records the version, since the binary reports "git".
install() {
	local stamp=$VGW.version
	if [ -x "$VGW" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$VGW_VERSION" ]; then
		return 0
	fi
	command -v go >/dev/null 2>&1 || die "go not found: it is needed to build versitygw"
	mkdir -p "$CACHE"
	(
		# One build at a time when several runs start together.
		flock 9
		if [ -x "$VGW" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$VGW_VERSION" ]; then
			exit 0
		fi
		echo "s3.sh: building versitygw $VGW_VERSION into $CACHE (takes a minute or two the first time)" >&2
		# Outside the module, so our go.mod is not touched.
		cd /tmp
		GOFLAGS=-mod=mod GOBIN=$CACHE go install "github.com/versity/versitygw/cmd/versitygw@$VGW_VERSION" >&2 ||
			die "go install versitygw@$VGW_VERSION failed"
		echo "$VGW_VERSION" >"$stamp"
	) 9>"$CACHE/.install.lock"
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

port_open() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# pid_alive tells whether DIR/pid names a live versitygw process (and not an
# unrelated process that got the same pid later).
pid_alive() {
	local pid
	pid=$(cat "$DIR/pid" 2>/dev/null) || return 1
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
		tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q versitygw
}

running() {
	pid_alive && [ -f "$DIR/port" ] && port_open "$(cat "$DIR/port")"
}

endpoint() {
	echo "http://127.0.0.1:$(cat "$DIR/port")"
}

start() {
	if running; then
		endpoint
		return 0
	fi
	install
	stop_server
	mkdir -p "$DIR/data"
	local port pid i
	port=$(free_port)
	nohup "$VGW" --port "127.0.0.1:$port" --access "$ACCESS_KEY" --secret "$SECRET_KEY" \
		--region "$REGION" posix "$DIR/data" >"$DIR/log" 2>&1 </dev/null &
	pid=$!
	echo "$pid" >"$DIR/pid"
	echo "$port" >"$DIR/port"
	for ((i = 0; i < WAIT_SECONDS * 10; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "s3.sh: versitygw exited; last lines of $DIR/log:" >&2
			tail -n 30 "$DIR/log" >&2 || true
			rm -f "$DIR/pid"
			die "versitygw did not start"
		fi
		port_open "$port" && break
		sleep 0.1
	done
	if ! port_open "$port"; then
		echo "s3.sh: versitygw not answering on 127.0.0.1:$port after ${WAIT_SECONDS}s; last lines of $DIR/log:" >&2
		tail -n 30 "$DIR/log" >&2 || true
		stop_server
		die "versitygw did not start"
	fi
	cat >"$DIR/env" <<EOF
AWS_ENDPOINT_URL_S3=$(endpoint)
AWS_ACCESS_KEY_ID=$ACCESS_KEY
AWS_SECRET_ACCESS_KEY=$SECRET_KEY
AWS_REGION=$REGION
EOF
	endpoint
}

# stop_server ends the process in DIR/pid: TERM, then KILL after 10s.
stop_server() {
	if pid_alive; then
		local pid i
		pid=$(cat "$DIR/pid")
		kill "$pid" 2>/dev/null || true
		for ((i = 0; i < 100; i++)); do
			pid_alive || break
			sleep 0.1
		done
		if pid_alive; then
			echo "s3.sh: versitygw $pid ignored SIGTERM; killing it" >&2
			kill -9 "$pid" 2>/dev/null || true
		fi
	fi
	rm -f "$DIR/pid" "$DIR/env"
}

case $cmd in
start) start ;;
stop) stop_server ;;
url)
	running || die "no server running in $DIR"
	endpoint
	;;
esac
