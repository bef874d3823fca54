#!/bin/sh
# test_man.sh JZZ MANDIR SRCDIR: the manual pages against the program.
#   1. every page renders with `man -l` at 80 columns with groff's warnings
#      on, and nothing at all on stderr;
#   2. every command of `jzz --help` has its page jzz-COMMAND(1), and every
#      long option its `--help` prints appears in that page (jzz(1) for the
#      global options);
#   3. every key of jzz.conf that cli_config.c reads is in jzz.conf(5).
set -u
jzz=$1 mandir=$2 src=$3
fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 MANWIDTH=80 MAN_KEEP_FORMATTING=

say() { echo "FAIL: $*"; fail=1; }

n=0
for page in "$mandir"/*.[0-9]; do
	[ -e "$page" ] || { say "no pages in $mandir"; break; }
	n=$((n + 1))
	man --warnings -l "$page" > "$tmp/out" 2> "$tmp/err"
	[ -s "$tmp/err" ] && say "$(basename "$page"): man wrote on stderr: $(head -3 "$tmp/err")"
	[ -s "$tmp/out" ] || say "$(basename "$page"): renders empty"
done
[ "$n" -ge 3 ] || say "only $n pages"

# The options a --help text names: every --word, once.
longopts() { grep -o -- '--[a-z][a-z-]*' | sort -u; }
# A page rendered wide, so that no option is broken across lines.
render() { MANWIDTH=250 man -l "$mandir/$1" 2>/dev/null; }

"$jzz" --help > "$tmp/help" || say "jzz --help failed"
render jzz.1 > "$tmp/page"
for o in $(longopts < "$tmp/help"); do
	grep -q -F -- "$o" "$tmp/page" || say "jzz(1) lacks $o (jzz --help)"
done
cmds=$(sed -n '/^commands:/,/^$/p' "$tmp/help" | awk 'NF > 1 { print $1 }')
[ -n "$cmds" ] || say "no commands in jzz --help"
for c in $cmds; do
	if [ ! -e "$mandir/jzz-$c.1" ]; then
		say "no page jzz-$c.1"
		continue
	fi
	grep -q -F "jzz-$c" "$tmp/page" || say "jzz(1) does not name jzz-$c"
	"$jzz" "$c" --help > "$tmp/chelp" || say "jzz $c --help failed"
	render "jzz-$c.1" > "$tmp/cpage"
	for o in $(longopts < "$tmp/chelp"); do
		grep -q -F -- "$o" "$tmp/cpage" || say "jzz-$c(1) lacks $o (jzz $c --help)"
	done
done

render jzz.conf.5 > "$tmp/conf"
keys=$(grep -o '{ "[a-z_]*", offsetof(struct cli_opts' "$src/src/cli/cli_config.c" |
	sed -n 's/^{ "\([a-z_]*\)".*/\1/p' | sort -u)
nkeys=0
for k in $keys; do
	nkeys=$((nkeys + 1))
	case $k in
	data_dir) continue ;;   # JZZ_DATA_DIR: an environment variable, not a key
	esac
	grep -q -E "^ {7}$k\$" "$tmp/conf" || say "jzz.conf(5) lacks the key $k"
done
[ "$nkeys" -ge 5 ] || say "no keys found in cli_config.c"

[ "$fail" -eq 0 ] && echo "ok: $n pages"
exit "$fail"
