#!/bin/sh
# bench/run.sh [PERSONS]: every figure of issue 6 ("proof at city scale") in one
# command, and the results section of docs/benchmarks.md rewritten with them.
#
#   bench/run.sh              10,000,000 persons (about 30 million applications)
#   bench/run.sh 100000       a quick run
#   SOAK=600 KILLS=200 bench/run.sh    the full soak (10 min) and kill run
#
# Why one script: a figure nobody can reproduce is an anecdote. It seeds the
# database once (kept in $JZZ_BENCH_DIR, default /work/bigdata, never in the
# repository), then times start-up, look-ups, history, submits, reports, the
# batch and the rules through the service layer (bench_city), the same SQL in
# the sqlite3 shell with its query plan, the soak and the kill run. The
# machine is shared: medians of repeated runs, with the spread.
set -eu
PERSONS=${1:-10000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
DIR=${JZZ_BENCH_DIR:-/work/bigdata}
TODAY=${JZZ_TODAY:-$(date +%F)}
SOAK=${SOAK:-30}
KILLS=${KILLS:-20}
RUNS=${RUNS:-3}
JZZ=$BUILD/jzz
DB=${DB:-$DIR/city-$PERSONS.db}
OUT=$DIR/results-$PERSONS.md
LOG=$DIR/run-$PERSONS.log
export JZZ_DATA_DIR=$ROOT/data JZZ_TODAY=$TODAY

mkdir -p "$DIR"
[ -x "$JZZ" ] || { echo "build first: cmake -S $ROOT -B $BUILD -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build $BUILD -j2" >&2; exit 2; }
: > "$LOG"
say() { echo "$*" | tee -a "$LOG" >&2; }
med() { sort -n | awk '{v[NR]=$1} END {if (NR==0) {print "-"; exit} m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.3g (%.3g-%.3g, n=%d)\n", m, v[1], v[NR], NR}'; }

# 1. the database
if [ ! -f "$DB" ]; then
	say "seeding $PERSONS persons into $DB"
	/usr/bin/time -f "%e %M" -o "$DIR/seed-$PERSONS.time" \
		"$JZZ" --db "$DB" --today "$TODAY" seed --persons "$PERSONS" > "$DIR/seed-$PERSONS.json"
fi
# an older file is migrated by its first opening; timed apart
/usr/bin/time -f "%e" -o "$DIR/migrate-$PERSONS.time" "$BUILD/bench/bench_city" "$DB" "$TODAY" startup >/dev/null
# planner statistics: the seed gathers them; a file seeded before schema v4 has none
if [ "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'")" = 0 ]; then
	/usr/bin/time -f "%e" -o "$DIR/analyze-$PERSONS.time" sqlite3 "$DB" "PRAGMA analysis_limit = 400; ANALYZE;"
	say "ANALYZE: $(cat "$DIR/analyze-$PERSONS.time") s"
fi
BYTES=$(stat -c %s "$DB")
NP=$(sqlite3 "$DB" "SELECT count(*) FROM persons")
NA=$(sqlite3 "$DB" "SELECT count(*) FROM applications")
say "file $BYTES bytes, $NP persons, $NA applications"

# 2. start-up: service_open + actor + first look-up, and the TUI's first frame
for i in 1 2 3 4 5 6 7 8 9 10 11; do
	"$BUILD/bench/bench_city" "$DB" "$TODAY" startup | awk '{print $NF == "ms" ? $(NF-1) : $0}'
done | med > "$DIR/startup.txt"
for i in 1 2 3 4 5; do python3 "$ROOT/bench/tui_probe.py" -- "$JZZ" --db "$DB" --today "$TODAY"; done > "$DIR/tui.txt" 2>&1 || true
rm -f "$DIR/demo-probe.db"*
for i in 1 2 3 4 5; do python3 "$ROOT/bench/tui_probe.py" -- "$JZZ" demo --db "$DIR/demo-probe.db"; done > "$DIR/demo.txt" 2>&1 || true
TUI_MS=$(awk '{print $4}' "$DIR/tui.txt" | med)
TUI_RSS=$(awk '{print $8}' "$DIR/tui.txt" | med)
DEMO_MS=$(tail -n +2 "$DIR/demo.txt" | awk '{print $4}' | med)
DEMO_FIRST=$(head -1 "$DIR/demo.txt" | awk '{print $4}')
DEMO_RSS=$(awk '{print $8}' "$DIR/demo.txt" | med)
DEMO_HWM=$(awk '{print $10}' "$DIR/demo.txt" | med)

# 3. the service layer: three whole runs (look-ups, history, reports, batch, submits)
for r in $(seq "$RUNS"); do
	say "bench_city run $r"
	CITY_REPORT_RUNS=${CITY_REPORT_RUNS:-21} CITY_MONTH_RUNS=${CITY_MONTH_RUNS:-5} "$BUILD/bench/bench_city" "$DB" "$TODAY" all "$DIR/ids.txt" 10000 > "$DIR/city-$r.txt" 2>>"$LOG"
done
field() { # field NAME COLUMN(p50|p99|mean): median over the runs
	for r in $(seq "$RUNS"); do grep "^$1" "$DIR/city-$r.txt" | sed 's/.*'"$2"' *\([0-9.]*\).*/\1/'; done | med
}
batch() { for r in $(seq "$RUNS"); do grep "^auto-endorsement batch, $1" "$DIR/city-$r.txt" | sed 's/.*  *\([0-9.]*\) ms:.*/\1/'; done | med; }

# 4. the same SQL in the sqlite3 shell
shell_ms() { # shell_ms SCRIPT COUNT: mean ms per statement, shell start-up subtracted
	t0=$(date +%s%N); sqlite3 "$DB" < /dev/null; t1=$(date +%s%N)
	sqlite3 "$DB" < "$1" > /dev/null; t2=$(date +%s%N)
	echo "$(( (t2 - t1) - (t1 - t0) ))" "$2" | awk '{printf "%.3f\n", $1 / 1e6 / $2}'
}
head -2000 "$DIR/ids.txt" | awk '{printf "SELECT id, id_number, name, coalesce(phone, %s), hukou_shanghai, birth_date, coalesce(address, %s) FROM persons WHERE id_number = %s;\n", "\047\047", "\047\047", "\047" $1 "\047"}' > "$DIR/lookup.sql"
head -500 "$DIR/ids.txt" | awk '{printf "SELECT a.id, a.day, a.created_at, a.business, a.channel, a.decision, coalesce(a.receipt_no, %s), a.centre, a.user_name, a.fee_yuan FROM applications a WHERE a.id_number = %s ORDER BY a.day DESC, a.created_at DESC;\n", "\047\047", "\047" $1 "\047"}' > "$DIR/history.sql"
DAY=$(date -d "$TODAY -3 days" +%F)
MFROM=$(date -d "$(date -d "$TODAY" +%Y-%m-01) -1 month" +%F)
MTO=$(date -d "$(date -d "$TODAY" +%Y-%m-01) -1 day" +%F)
{ for i in 1 2 3 4 5 6 7 8 9 10; do
	echo "SELECT business, decision, count(*), sum(fee_yuan), sum(cod_fee_yuan) FROM applications WHERE centre = '310105009' AND day = '$DAY' GROUP BY business, decision;"
	echo "SELECT (SELECT count(*) FROM cards WHERE centre = '310105009' AND received_on = '$DAY'), (SELECT count(*) FROM cards WHERE centre = '310105009' AND handed_on = '$DAY'), (SELECT count(*) FROM sms_outbox s JOIN cards c ON c.id = s.ref_id WHERE s.kind = 'pickup_notice' AND s.sent_on IS NULL AND s.due_on < '$DAY' AND c.centre = '310105009' AND c.state = 'received');"
done; } > "$DIR/daily.sql"
python3 "$ROOT/bench/report_sql.py" all "$MFROM" "$MTO" > "$DIR/month.sql"
python3 "$ROOT/bench/report_sql.py" 310105009 "$DAY" "$DAY" > "$DIR/centreday.sql"
SH_LOOKUP=$(for i in 1 2 3; do shell_ms "$DIR/lookup.sql" 2000; done | med)
SH_HIST=$(for i in 1 2 3; do shell_ms "$DIR/history.sql" 500; done | med)
SH_DAILY=$(for i in 1 2 3; do shell_ms "$DIR/daily.sql" 10; done | med)
SH_MONTH=$(for i in 1 2 3; do shell_ms "$DIR/month.sql" 1; done | med)
SH_CDAY=$(for i in 1 2 3; do shell_ms "$DIR/centreday.sql" 1; done | med)
ID1=$(head -1 "$DIR/ids.txt")
{
	echo "-- lookup"; sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT * FROM persons WHERE id_number = '$ID1'"
	echo "-- history"; sqlite3 "$DB" "EXPLAIN QUERY PLAN $(head -1 "$DIR/history.sql")"
	echo "-- a person's permit"; sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT id FROM permits WHERE person_id = 'x' AND (status = 'active' OR 1) ORDER BY status = 'active' DESC, rowid DESC LIMIT 1"
	echo "-- daily report, one centre"; head -2 "$DIR/daily.sql" | while read -r q; do sqlite3 "$DB" "EXPLAIN QUERY PLAN $q"; done
	echo "-- supervisors' report (district, month)"; python3 "$ROOT/bench/report_sql.py" all "$MFROM" "$MTO" --eqp | sqlite3 "$DB"
	echo "-- auto-endorsement batch"; sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT id, person_id FROM permits WHERE status = 'active' AND valid_until BETWEEN '$TODAY' AND '$TODAY' ORDER BY valid_until, rowid"
} > "$DIR/plans.txt" 2>&1

# 5. rules alone
"$BUILD/bench/bench_rules" > "$DIR/rules.txt" 2>&1 || true
RULES=$(grep -i "median" "$DIR/rules.txt" | tail -1)

# 6. soak and kill runs on a file of their own (100,000 persons)
# (SOAK=0 or KILLS=0 skips them, keeping the previous output)
SDB=$DIR/soak.db; KDB=$DIR/kill.db
if [ "$SOAK" != 0 ] || [ "$KILLS" != 0 ]; then
	rm -f "$SDB" "$SDB"-* "$KDB" "$KDB"-*
	"$JZZ" --db "$SDB" --today "$TODAY" seed --persons 100000 > /dev/null 2>&1
	# the kill run checks integrity after every kill: a smaller file
	"$JZZ" --db "$KDB" --today "$TODAY" seed --persons 20000 > /dev/null 2>&1
fi
SOAK_OK="(not run: SOAK=0)"; KILL_OK="(not run: KILLS=0)"
if [ "$SOAK" != 0 ]; then
	say "soak $SOAK s"
	"$BUILD/bench/bench_soak" "$SDB" "$SOAK" 8 > "$DIR/soak.txt" 2>&1 && SOAK_OK=yes || SOAK_OK=NO
	"$JZZ" --db "$SDB" audit verify >> "$DIR/soak.txt" 2>&1 || SOAK_OK=NO
fi
if [ "$KILLS" != 0 ]; then
	say "kill $KILLS"
	"$BUILD/bench/bench_kill" "$KDB" "$KILLS" > "$DIR/kill.txt" 2>&1 && KILL_OK=yes || KILL_OK=NO
fi

# 7. the results section
SEED_T=$(cat "$DIR/seed-$PERSONS.time" 2>/dev/null || echo "- -")
{
echo "### Results of \`bench/run.sh $PERSONS\` ($(date -u +%F), $(nproc) cores, $(git -C "$ROOT" rev-parse --short HEAD))"
echo
echo "File: $NP persons, $NA applications, $BYTES bytes = **$((BYTES / NP)) bytes per person**."
echo "Seed (\`jzz seed --persons $PERSONS\`, once): $(echo $SEED_T | awk '{printf "%s s elapsed, max RSS %.0f MB", $1, $2/1024}'); $(cat "$DIR/seed-$PERSONS.json" 2>/dev/null)."
echo "First opening (migration to the current schema, if any): $(cat "$DIR/migrate-$PERSONS.time") s."
echo
echo "| what | service layer p50 | p99 | mean | sqlite3 shell, same SQL (mean) | target |"
echo "|---|---|---|---|---|---|"
echo "| start-up: service_open + actor + first look-up (ms, 11 processes) | $(cat "$DIR/startup.txt") | | | | |"
echo "| TUI (\`jzz --db\`) to its first frame in a pty (ms, 5 runs) | $TUI_MS | | | | RSS $TUI_RSS KB |"
echo "| \`jzz demo\` first frame (ms; first run builds the training file: $DEMO_FIRST ms) | $DEMO_MS | | | | RSS $DEMO_RSS KB, peak $DEMO_HWM KB (< 30 MB) |"
echo "| lookup by ID number (ms) | $(field "lookup by ID" p50) | $(field "lookup by ID" p99) | $(field "lookup by ID" mean) | $SH_LOOKUP | p99 < 1 ms |"
echo "| person's card and history (ms) | $(field "person's card" p50) | $(field "person's card" p99) | $(field "person's card" mean) | $SH_HIST (applications only) | |"
echo "| submit, committed (ms) | $(field "submit" p50) | $(field "submit" p99) | $(field "submit" mean) | | p99 < 5 ms |"
echo "| daily report, one centre (ms) | $(field "daily report" p50) | $(field "daily report" p99) | | $SH_DAILY | < 50 ms |"
echo "| supervisors' report, one centre-day (ms) | $(field "supervisors' report" p50) | $(field "supervisors' report" p99) | | $SH_CDAY | |"
echo "| supervisors' report, district month (ms) | $(field "district's month" p50) | $(field "district's month" p99) | | $SH_MONTH | < 2000 ms |"
echo "| auto-endorsement batch, today's cohort (ms) | $(batch today) | | | | |"
echo "| auto-endorsement batch, run again (ms) | $(batch again) | | | | |"
echo
echo "Cells are the median of $RUNS whole runs (min-max, n). Batch: $(grep '^auto-endorsement batch, today' "$DIR/city-1.txt" | sed 's/.*ms: //')."
echo "Rules alone: $RULES"
echo
echo "Soak ($SOAK s, 8 clerk processes, 100,000-person file), all checks passed: $SOAK_OK"
echo '```'; cat "$DIR/soak.txt"; echo '```'
echo "Kill run ($KILLS SIGKILLs during submits, 20,000-person file), all checks passed: $KILL_OK"
echo '```'; tail -1 "$DIR/kill.txt"; echo '```'
echo "Query plans (EXPLAIN QUERY PLAN on the same file):"
echo '```'; cat "$DIR/plans.txt"; echo '```'
} > "$OUT"

# 8. into docs/benchmarks.md, between the markers
DOC=$ROOT/docs/benchmarks.md
if grep -q '<!-- bench/run.sh: begin -->' "$DOC"; then
	awk -v f="$OUT" '/<!-- bench\/run.sh: begin -->/ {print; while ((getline l < f) > 0) print l; skip=1; next}
		/<!-- bench\/run.sh: end -->/ {skip=0} !skip' "$DOC" > "$DOC.tmp" && mv "$DOC.tmp" "$DOC"
fi
say "results: $OUT"
