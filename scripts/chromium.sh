#!/usr/bin/env bash
# scripts/chromium.sh - make sure a headless Chromium is there for the
# console's browser tests (console/browser_test.go, driven by chromedp).
#
#   scripts/chromium.sh        print the path of the browser, installing
#                              Debian's `chromium` with apt-get when it is
#                              missing and we are root
#
# EDIGW_CHROMIUM names a browser to use instead. Without one and without
# root (or apt-get), it says so and exits 1; the browser tests then skip,
# or fail under CI=true.
set -euo pipefail

die() {
	echo "chromium.sh: $*" >&2
	exit 1
}

find_browser() {
	if [ -n "${EDIGW_CHROMIUM:-}" ] && [ -x "$EDIGW_CHROMIUM" ]; then
		echo "$EDIGW_CHROMIUM"
		return 0
	fi
	local b
	for b in chromium chromium-browser google-chrome-stable google-chrome; do
		if command -v "$b" >/dev/null 2>&1; then
			command -v "$b"
			return 0
		fi
	done
	return 1
}

find_browser && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "chromium.sh: no Chromium found; installing Debian's chromium with apt-get" >&2
	(
		# One install at a time when several runs start together.
		flock 9
		find_browser >/dev/null && exit 0
		apt-get update >&2 || die "apt-get update failed"
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >&2 ||
			die "apt-get install chromium failed"
	) 9>/tmp/edigw-chromium-install.lock
fi
find_browser || die "no Chromium found (install the Debian package chromium, or set EDIGW_CHROMIUM)"
