#!/bin/bash
# CI, after tests/run-all.sh: the Debian package. Builds it from a copy of
# the tree (dpkg-buildpackage writes beside the tree it builds), checks it
# with lintian (no error, no warning: justified ones are overridden in
# debian/jzz.lintian-overrides), installs it with apt-get, and runs the
# installed program: --version, a sample case of the policy through
# `jzz check` against its expected decision, `jzz demo --list`, the manual,
# the account and state folder the package makes, and systemd-analyze
# verify on the installed units. The tests ran already: nocheck.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
policy=${JZZ_POLICY_DIR:-$src/../shared/policy}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/jzz"
tar -c --exclude=./build --exclude='./build-*' --exclude=./.git --exclude='./obj-*' . |
	tar -x -C "$work/jzz"
(cd "$work/jzz" && DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" dpkg-buildpackage -us -uc -b)
deb=$(ls "$work"/jzz_*.deb)

lintian --fail-on error,warning --display-info "$work"/jzz_*.changes

export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "$deb"

/usr/bin/jzz --version
test "$(/usr/bin/jzz --version)" = "jzz $(dpkg-query -W -f '${Version}' jzz | sed 's/-[^-]*$//')"
/usr/bin/jzz --help > /dev/null

n=0
for f in "$policy"/cases/*.json; do
	[ -e "$f" ] || { echo "no sample cases in $policy/cases" >&2; exit 1; }
	sqlite3 :memory: "select json_extract(readfile('$f'), '\$.case')" > "$work/case.json"
	want=$(sqlite3 :memory: "select json_extract(readfile('$f'), '\$.expect.decision')")
	/usr/bin/jzz check "$work/case.json" > "$work/decision.json"
	got=$(sqlite3 :memory: "select json_extract(readfile('$work/decision.json'), '\$.decision')")
	echo "$(basename "$f"): $got"
	test "$got" = "$want"
	n=$((n + 1))
done
test "$n" -gt 0

/usr/bin/jzz demo --list
test "$(/usr/bin/jzz demo --list | wc -l)" -gt 0
man -w jzz jzz-check jzz.conf > /dev/null
getent passwd jzz > /dev/null
test "$(stat -c '%a %U %G' /var/lib/jzz)" = "750 jzz jzz"
test -f /etc/jzz/jzz.conf
dpkg-query -W -f '${Conffiles}\n' jzz | grep -q '/etc/jzz/jzz.conf'

# The units as installed (systemd-analyze verify needs no running systemd).
systemd-analyze verify /lib/systemd/system/jzz-auto-endorse.service \
	/lib/systemd/system/jzz-auto-endorse.timer \
	/lib/systemd/system/jzz-audit-head.service /lib/systemd/system/jzz-audit-head.timer

# The nightly batch as its unit runs it: the jzz account on jzz.conf's database.
if [ ! -e /var/lib/jzz/jzz.db ]; then
	runuser -u jzz -- /usr/bin/jzz init --centre 310105009
	runuser -u jzz -- /usr/bin/jzz batch auto-endorse
	test "$(stat -c '%a %U' /var/lib/jzz/jzz.db)" = "600 jzz"
fi
echo "package: ok"
