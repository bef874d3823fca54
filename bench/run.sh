#!/bin/sh
# bench/run.sh [PERSONS]: every figure of issue 6 ("proof at city scale") in one
# command, and the results section of docs/benchmarks.md rewritten with them.
# bench/run.sh --pg [PERSONS]: SQLite and PostgreSQL side by side (issue 12),
# same machine, same run, and its own section of docs/benchmarks.md.
#
#   bench/run.sh              10,000,000 persons (about 30 million applications)
#   bench/run.sh 100000       a quick run
#   SOAK=600 KILLS=200 bench/run.sh    the full soak (10 min) and kill run
#   bench/run.sh --pg         1,000,000 persons on both engines (about 35 min)
#   bench/run.sh --pg 100000  a quick run of the same
#
# Why one script: a figure nobody can reproduce is an anecdote. It seeds the
# database once (kept in $JZZ_BENCH_DIR, default /work/bigdata, never in the
# repository), then times start-up, look-ups, history, submits, reports, the
# batch and the rules through the service layer (bench_city), the same SQL in
# the sqlite3 shell with its query plan, the soak and the kill run. The
# machine is shared: medians of repeated runs, with the spread.
#
# --pg starts a PostgreSQL 15 server of its own in $JZZ_BENCH_PGDIR (default
# /work/bigdata-pg; made by initdb the first time, set by bench/pg-district.conf,
# on its own socket, port $JZZ_BENCH_PGPORT, default 5499) and stops it at the
# end if it started it; seeds both stores (`jzz seed`: SQLite's bulk load,
# PostgreSQL's COPY), then on each engine: bench_city (look-up, reports),
# bench_soak with 1, 8 and 32 clerk processes (submits, conflicts retried), the
# same SQL in the sqlite3 shell or psql (\timing), pgbench on the look-up with
# 1, 8 and 32 clients, and the bytes per person and per application.
set -eu
MODE=sqlite
if [ "${1:-}" = --pg ]; then
	MODE=pg
	shift
fi
[ "$MODE" = pg ] && PERSONS=${1:-1000000} || PERSONS=${1:-10000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
DIR=${JZZ_BENCH_DIR:-/work/bigdata}
TODAY=${JZZ_TODAY:-$(date +%F)}
SOAK=${SOAK:-30}
KILLS=${KILLS:-20}
RUNS=${RUNS:-3}
JZZ=$BUILD/jzz
DB=${DB:-$DIR/city-$PERSONS.db}
[ "$MODE" = pg ] && SUFFIX=pg-$PERSONS || SUFFIX=$PERSONS
OUT=$DIR/results-$SUFFIX.md
LOG=$DIR/run-$SUFFIX.log
export JZZ_DATA_DIR=$ROOT/data JZZ_TODAY=$TODAY

mkdir -p "$DIR"
[ -x "$JZZ" ] || { echo "build first: cmake -S $ROOT -B $BUILD -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build $BUILD -j2" >&2; exit 2; }
: > "$LOG"
say() { echo "$*" | tee -a "$LOG" >&2; }
# med: the median of the numbers on stdin, with the spread: "m (min-max, n=N)"
med() { sort -n | awk '{v[NR]=$1} END {if (NR==0) {print "-"; exit} m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.3g (%.3g-%.3g, n=%d)\n", m, v[1], v[NR], NR}'; }
# pct P: the P-th percentile of the numbers on stdin
pct() { sort -n | awk -v p="$1" '{v[NR]=$1} END {if (NR==0) {print "-"; exit} i=int(p/100*(NR-1)+0.5)+1; printf "%.3g\n", v[i]}'; }
# ratio A B: A / B of two med lines (their medians), 2 decimals
ratio() { printf '%s\n%s\n' "$1" "$2" | awk 'NR==1 {a=$1} NR==2 {b=$1} END {if (a+0 > 0 && b+0 > 0) printf "%.2f\n", a/b; else print "-"}'; }
field() { # field NAME COLUMN(p50|p99|mean) [PREFIX]: median over the runs of PREFIX-r.txt
	for r in $(seq "$RUNS"); do grep "^$1" "$DIR/${3:-city}-$r.txt" | sed 's/.*'"$2"' *\([0-9.]*\).*/\1/'; done | med
}
batch() { for r in $(seq "$RUNS"); do grep "^auto-endorsement batch, $1" "$DIR/${2:-city}-$r.txt" | sed 's/.*  *\([0-9.]*\) ms:.*/\1/'; done | med; }
shell_ms() { # shell_ms DB SCRIPT COUNT: mean ms per statement in the sqlite3 shell, its start-up subtracted
	t0=$(date +%s%N); sqlite3 "$1" < /dev/null; t1=$(date +%s%N)
	sqlite3 "$1" < "$2" > /dev/null; t2=$(date +%s%N)
	echo "$(( (t2 - t1) - (t1 - t0) ))" "$3" | awk '{printf "%.3f\n", $1 / 1e6 / $2}'
}
# the look-up of a person by ID number, as store_records.c's sql_person_by_idnum
LOOKUP_COLS="id, id_number, name, coalesce(phone, ''), hukou_shanghai, birth_date, coalesce(address, '')"
lookup_sql() { # lookup_sql IDS: the first 2,000 look-ups for the sqlite3 shell
	head -2000 "$1" | awk -v cols="$LOOKUP_COLS" '{printf "SELECT %s FROM persons WHERE id_number = \047%s\047;\n", cols, $1}'
}

seed_store() { # seed_store NAME TARGET: `jzz seed` into TARGET, timed into seed-NAME.time
	say "seeding $PERSONS persons into $2"
	/usr/bin/time -f "%e %M" -o "$DIR/seed-$1.time" \
		"$JZZ" --db "$2" --today "$TODAY" seed --persons "$PERSONS" > "$DIR/seed-$1.json"
}

if [ "$MODE" = pg ]; then
	PGDIR=${JZZ_BENCH_PGDIR:-/work/bigdata-pg}
	PGPORT_B=${JZZ_BENCH_PGPORT:-5499}
	PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
	PGDB=jzzcity_$PERSONS
	PGURI="postgresql:///$PGDB?host=$PGDIR/run&port=$PGPORT_B&user=postgres"
	SUBMIT_SECS=${SUBMIT_SECS:-20}
	CLIENTS=${CLIENTS:-1 8 32}
	# the audit keys jzz makes for the PostgreSQL store, beside the server
	export XDG_CONFIG_HOME=$PGDIR/config
	# the server runs as postgres (it refuses root)
	as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
	psql_b() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

	# 1. the server: made once, (re)configured from bench/pg-district.conf, started if down
	if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
		say "initdb $PGDIR/data"
		mkdir -p "$PGDIR/run"
		[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR" "$PGDIR/run" && chmod 700 "$PGDIR"
		as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 > "$PGDIR/initdb.log"
		printf "include 'district.conf'\nunix_socket_directories = '%s/run'\nport = %s\n" "$PGDIR" "$PGPORT_B" \
			>> "$PGDIR/data/postgresql.conf"
	fi
	cp "$ROOT/bench/pg-district.conf" "$PGDIR/data/district.conf"
	[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR/data/district.conf"
	STARTED=0
	if ! as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" status > /dev/null 2>&1; then
		as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w start > /dev/null
		STARTED=1
	else
		as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" reload > /dev/null
	fi
	PGADMIN="host=$PGDIR/run port=$PGPORT_B user=postgres dbname=postgres"
	PGSET=$(psql_b -At -c "SELECT string_agg(name || ' = ' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE source = 'configuration file' AND sourcefile LIKE '%/district.conf' AND name <> 'listen_addresses'" "$PGADMIN")
	PGVER=$(psql_b -At -c "SHOW server_version" "$PGADMIN")

	# 2. the stores, seeded once each (kept for the next run)
	[ -f "$DB" ] || seed_store "$PERSONS" "$DB"
	if [ "$(psql_b -At -c "SELECT count(*) FROM pg_database WHERE datname = '$PGDB'" "$PGADMIN")" = 0 ]; then
		psql_b -c "CREATE DATABASE $PGDB" "$PGADMIN"
		rm -f "$XDG_CONFIG_HOME"/jzz/pg-*-"$PGDB".key
		seed_store "pg-$PERSONS" "$PGURI"
		# what autovacuum does in the first minutes after the load (the
		# visibility map of the index-only scans), done at once, timed apart
		/usr/bin/time -f "%e" -o "$DIR/vacuum-pg-$PERSONS.time" psql -X -q -c "VACUUM (ANALYZE)" "$PGURI"
	fi
	# an older file is migrated by its first opening; timed apart
	/usr/bin/time -f "%e" -o "$DIR/migrate-$PERSONS.time" "$BUILD/bench/bench_city" "$DB" "$TODAY" startup > /dev/null
	"$BUILD/bench/bench_city" "$PGURI" "$TODAY" startup > /dev/null

	DAY=$(date -d "$TODAY -3 days" +%F)
	MFROM=$(date -d "$(date -d "$TODAY" +%Y-%m-01) -1 month" +%F)
	MTO=$(date -d "$(date -d "$TODAY" +%Y-%m-01) -1 day" +%F)
	python3 "$ROOT/bench/report_sql.py" all "$MFROM" "$MTO" > "$DIR/month.sql"
	python3 "$ROOT/bench/report_sql.py" 310105009 "$DAY" "$DAY" > "$DIR/centreday.sql"
	python3 "$ROOT/bench/report_sql.py" all "$MFROM" "$MTO" --psql > "$DIR/month.psql"
	python3 "$ROOT/bench/report_sql.py" 310105009 "$DAY" "$DAY" --psql > "$DIR/centreday.psql"

	# bytes in use and applications: what the submits wrote, per application
	# (as the service writes them: rule rows, audit entries, SMS, all of it)
	used_bytes() { # used_bytes ENGINE: "BYTES APPLICATIONS"
		if [ "$1" = pg ]; then
			psql_b -At -F ' ' -c "SELECT (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'jzz' AND c.relkind IN ('r', 'm')), (SELECT count(*) FROM jzz.applications)" "$PGURI"
		else
			sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
			sqlite3 -separator ' ' "$DB" "SELECT (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size()) - (SELECT freelist_count FROM pragma_freelist_count()) * (SELECT page_size FROM pragma_page_size()), (SELECT count(*) FROM applications)"
		fi
	}
	grown() { # grown ENGINE: bytes per application written by the submit runs
		awk 'NR==1 {b=$1; a=$2} NR==2 {if ($2 > a) printf "%d (%d applications)\n", ($1-b)/($2-a), $2-a; else print "-"}' "$DIR/used-$1-before.txt" "$DIR/used-$1-after.txt"
	}

	# the floors: the same SQL in the sqlite3 shell and in psql, once a run,
	# right after the service's (the machine's load drifts over minutes)
	psql_ms() { psql_b -f "$1" "$PGURI" | awk '/^Time:/ {print $2}'; } # psql_ms SCRIPT: each statement's ms
	floor() { # floor ENGINE RUN: look-ups, a centre's day, the month
		if [ "$1" = sqlite ]; then
			lookup_sql "$DIR/ids-sqlite.txt" > "$DIR/lookup.sql"
			shell_ms "$DB" "$DIR/lookup.sql" 2000 > "$DIR/floor-sqlite-lookup-$2.txt"
			shell_ms "$DB" "$DIR/centreday.sql" 1 > "$DIR/floor-sqlite-cday-$2.txt"
			shell_ms "$DB" "$DIR/month.sql" 1 > "$DIR/floor-sqlite-month-$2.txt"
			return
		fi
		{ echo "SET search_path = jzz;"
		  echo "PREPARE lookup(unknown) AS SELECT $LOOKUP_COLS FROM persons WHERE id_number = \$1;"
		  printf '\\o /dev/null\n\\timing on\n'
		  head -2000 "$DIR/ids-pg.txt" | awk '{printf "EXECUTE lookup(\047%s\047);\n", $1}'
		} > "$DIR/lookup.psql"
		psql_ms "$DIR/lookup.psql" > "$DIR/psql-lookup-$2.txt"
		awk '{s+=$1} END {printf "%.3f\n", s/NR}' "$DIR/psql-lookup-$2.txt" > "$DIR/floor-pg-lookup-$2.txt"
		psql_ms "$DIR/centreday.psql" | awk '{s+=$1} END {printf "%.3f\n", s}' > "$DIR/floor-pg-cday-$2.txt"
		psql_ms "$DIR/month.psql" | awk '{s+=$1} END {printf "%.3f\n", s}' > "$DIR/floor-pg-month-$2.txt"
	}
	runs() { for r in $(seq "$RUNS"); do cat "$DIR/$1-$r.txt"; done; } # runs NAME: NAME-r.txt of every run
	# the store read once whole before the runs, as a server that has run
	# for a day holds it: the file in the page cache, PostgreSQL's relations
	# in its buffers (both fit in memory at 1 M)
	warm() {
		if [ "$1" = sqlite ]; then
			cat "$DB" > /dev/null
		else
			psql_b -At -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm; SELECT count(pg_prewarm(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'jzz' AND c.relkind IN ('r', 'i')" "$PGURI" > /dev/null
		fi
	}

	# 3. each engine in turn: the service layer, then its floor
	for E in sqlite pg; do
		[ "$E" = pg ] && T=$PGURI || T=$DB
		warm "$E"
		for r in $(seq "$RUNS"); do
			say "$E: bench_city run $r"
			CITY_REPORT_RUNS=${CITY_REPORT_RUNS:-21} CITY_MONTH_RUNS=${CITY_MONTH_RUNS:-5} \
				"$BUILD/bench/bench_city" "$T" "$TODAY" all "$DIR/ids-$E.txt" 10000 > "$DIR/city-$E-$r.txt" 2>>"$LOG"
			floor "$E" "$r"
		done
		used_bytes "$E" > "$DIR/used-$E-before.txt"
		for c in $CLIENTS; do
			for r in $(seq "$RUNS"); do
				say "$E: submits, $c clients, run $r"
				SOAK_INTEGRITY=0 "$BUILD/bench/bench_soak" "$T" "$SUBMIT_SECS" "$c" > "$DIR/soak-$E-$c-$r.txt" 2>>"$LOG" ||
					echo "soak: CHECKS FAILED" >> "$DIR/soak-$E-$c-$r.txt"
			done
		done
		used_bytes "$E" > "$DIR/used-$E-after.txt"
	done
	# integrity of the file after every writer of the run
	INTEGRITY=$(sqlite3 "$DB" "PRAGMA integrity_check" | head -1)
	AUDIT_SQ=$("$JZZ" --db "$DB" audit verify 2>&1 | tr '\n' ' ' | cut -c1-120)
	AUDIT_PG=$("$JZZ" --db "$PGURI" audit verify 2>&1 | tr '\n' ' ' | cut -c1-120)

	SH_LOOKUP=$(runs floor-sqlite-lookup | med)
	SH_CDAY=$(runs floor-sqlite-cday | med)
	SH_MONTH=$(runs floor-sqlite-month | med)
	PS_LOOKUP=$(runs floor-pg-lookup | med)
	PS_LOOKUP50=$(for r in $(seq "$RUNS"); do pct 50 < "$DIR/psql-lookup-$r.txt"; done | med)
	PS_LOOKUP99=$(for r in $(seq "$RUNS"); do pct 99 < "$DIR/psql-lookup-$r.txt"; done | med)
	PS_CDAY=$(runs floor-pg-cday | med)
	PS_MONTH=$(runs floor-pg-month | med)
	# pgbench on the look-up, 1, 8 and 32 clients: the ID number drawn from
	# the sampled persons (a probe of a 10,000-row table, inside the floor)
	psql_b -c "DROP TABLE IF EXISTS public.bench_ids; CREATE TABLE public.bench_ids (k int PRIMARY KEY, id_number text)" "$PGURI"
	awk '{print NR "\t" $1}' "$DIR/ids-pg.txt" | psql_b -c "COPY public.bench_ids FROM STDIN" "$PGURI"
	NIDS=$(wc -l < "$DIR/ids-pg.txt")
	printf '\\set k random(1, %s)\nSELECT %s FROM jzz.persons WHERE id_number = (SELECT id_number FROM public.bench_ids WHERE k = :k);\n' \
		"$NIDS" "$LOOKUP_COLS" > "$DIR/lookup.pgbench"
	for c in $CLIENTS; do
		for r in $(seq "$RUNS"); do
			rm -f "$DIR"/pgbench-log*
			pgbench -n -M prepared -f "$DIR/lookup.pgbench" -c "$c" -j "$([ "$c" -lt 2 ] && echo 1 || echo 2)" -T 10 \
				-l --log-prefix="$DIR/pgbench-log" "$PGURI" > "$DIR/pgbench-$c-$r.txt" 2>&1
			cat "$DIR"/pgbench-log* | awk '{print $3 / 1000}' > "$DIR/pgbench-lat-$c-$r.txt"
		done
	done
	rm -f "$DIR"/pgbench-log*
	psql_b -c "DROP TABLE public.bench_ids" "$PGURI"

	# bytes: the whole store per person; the applications with their indexes per application
	SQ_BYTES=$(stat -c %s "$DB")
	SQ_NP=$(sqlite3 "$DB" "SELECT count(*) FROM persons")
	SQ_NA=$(sqlite3 "$DB" "SELECT count(*) FROM applications")
	SQ_APPB=$(sqlite3 "$DB" "SELECT sum(pgsize) FROM dbstat('main', 1) WHERE name IN (SELECT name FROM sqlite_schema WHERE tbl_name = 'applications')")
	SQ_PERB=$(sqlite3 "$DB" "SELECT sum(pgsize) FROM dbstat('main', 1) WHERE name IN (SELECT name FROM sqlite_schema WHERE tbl_name = 'persons')")
	PG_BYTES=$(psql_b -At -c "SELECT pg_database_size(current_database())" "$PGURI")
	PG_NP=$(psql_b -At -c "SELECT count(*) FROM jzz.persons" "$PGURI")
	PG_NA=$(psql_b -At -c "SELECT count(*) FROM jzz.applications" "$PGURI")
	PG_APPB=$(psql_b -At -c "SELECT pg_total_relation_size('jzz.applications')" "$PGURI")
	PG_PERB=$(psql_b -At -c "SELECT pg_total_relation_size('jzz.persons')" "$PGURI")
	PG_TABLES=$(psql_b -At -c "SELECT string_agg(relname || ' ' || round(pg_total_relation_size(c.oid) / 1048576.0) || ' MB', ', ' ORDER BY pg_total_relation_size(c.oid) DESC) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'jzz' AND c.relkind = 'r' AND pg_total_relation_size(c.oid) > 10485760" "$PGURI")

	# 4. the section
	soakf() { # soakf ENGINE CLIENTS p50|p99|rate|retried|checks: median over the runs
		for r in $(seq "$RUNS"); do
			f=$DIR/soak-$1-$2-$r.txt
			case $3 in
			p50) sed -n 's/.*latency p50 \([0-9.]*\) ms.*/\1/p' "$f" ;;
			p99) sed -n 's/.*, p99 \([0-9.]*\) ms.*/\1/p' "$f" ;;
			rate) sed -n 's/.* applications (\([0-9.]*\)\/s).*/\1/p' "$f" ;;
			retried) sed -n 's/.*(\([0-9.]*\)% of businesses).*/\1/p' "$f" ;;
			esac
		done | med
	}
	checks() { # checks ENGINE: what the submit runs lost, doubled, or gave up (busy, nothing written)
		for c in $CLIENTS; do for r in $(seq "$RUNS"); do cat "$DIR/soak-$1-$c-$r.txt"; done; done | awk '
			/ clerks, / {for (i = 1; i <= NF; i++) if ($i == "errors,") e += $(i-1); for (i = 1; i <= NF; i++) if ($i == "applications") n += $(i-1)}
			/: lost / {for (i = 1; i <= NF; i++) {if ($i == "lost") l += $(i+1); if ($i == "duplicates") d += $(i+1); if ($i == "missing") m += $(i+1)}}
			/BROKEN/ {b++}
			END {printf "lost %d, receipts doubled %d, missing %d, audit chain broken %d; businesses given up busy (after 10 s, nothing written) %d, beside %d applications written\n", l, d, m, b, e, n}'
	}
	t1() { awk '{print $1}' "$1" 2>/dev/null || echo -; }
	{
	echo "### SQLite and PostgreSQL side by side: \`bench/run.sh --pg $PERSONS\` ($(date -u +%F), $(nproc) cores, $(git -C "$ROOT" rev-parse --short HEAD))"
	echo
	echo "PostgreSQL $PGVER on this machine, its own socket; set by \`bench/pg-district.conf\`: $PGSET."
	echo "SQLite $(sqlite3 --version | cut -d' ' -f1), the store's own settings (WAL, synchronous NORMAL, 16 MB page cache a connection)."
	echo
	echo "| | SQLite | PostgreSQL |"
	echo "|---|---|---|"
	echo "| persons, applications | $SQ_NP, $SQ_NA | $PG_NP, $PG_NA |"
	echo "| seed (\`jzz seed --persons $PERSONS\`), s | $(t1 "$DIR/seed-$PERSONS.time") | $(t1 "$DIR/seed-pg-$PERSONS.time") + VACUUM ANALYZE $(t1 "$DIR/vacuum-pg-$PERSONS.time") |"
	echo "| store, bytes per person | $((SQ_BYTES / SQ_NP)) ($SQ_BYTES bytes) | $((PG_BYTES / PG_NP)) ($PG_BYTES bytes) |"
	echo "| persons with their indexes, bytes per person | $((SQ_PERB / SQ_NP)) | $((PG_PERB / PG_NP)) |"
	echo "| applications with their indexes, bytes per application (the store as it stands after the run) | $((SQ_APPB / SQ_NA)) | $((PG_APPB / PG_NA)) |"
	echo "| bytes in use per application the submit runs wrote (every table) | $(grown sqlite) | $(grown pg) |"
	echo
	echo "Every cell: the median of $RUNS whole runs (min-max, n). Milliseconds. Ratio: the service layer over its floor, the same SQL in the sqlite3 shell or psql."
	echo
	echo "| what | SQLite: service p50 | p99 | floor: sqlite3 shell | ratio | PostgreSQL: service p50 | p99 | floor: psql / pgbench | ratio |"
	echo "|---|---|---|---|---|---|---|---|---|"
	SQM=$(field "lookup by ID" mean city-sqlite); PGM=$(field "lookup by ID" mean city-pg)
	PGB1=$(for r in $(seq "$RUNS"); do sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$DIR/pgbench-1-$r.txt"; done | med)
	echo "| look-up by ID number (10,000 persons; ratio of means: shell, pgbench -c 1) | $(field "lookup by ID" p50 city-sqlite) | $(field "lookup by ID" p99 city-sqlite) | mean $SH_LOOKUP | $(ratio "$SQM" "$SH_LOOKUP") | $(field "lookup by ID" p50 city-pg) | $(field "lookup by ID" p99 city-pg) | pgbench -c 1 mean $PGB1; psql (timing) p50 $PS_LOOKUP50, p99 $PS_LOOKUP99, mean $PS_LOOKUP | $(ratio "$PGM" "$PGB1") |"
	for c in $CLIENTS; do
		b50=$(for r in $(seq "$RUNS"); do pct 50 < "$DIR/pgbench-lat-$c-$r.txt"; done | med)
		b99=$(for r in $(seq "$RUNS"); do pct 99 < "$DIR/pgbench-lat-$c-$r.txt"; done | med)
		btps=$(for r in $(seq "$RUNS"); do sed -n 's/^tps = \([0-9.]*\) (without.*/\1/p' "$DIR/pgbench-$c-$r.txt"; done | med)
		echo "| look-up, pgbench -c $c (-M prepared, 10 s) | | | | | | | p50 $b50, p99 $b99; $btps/s | |"
	done
	for c in $CLIENTS; do
		echo "| submit, $c client process(es), ${SUBMIT_SECS} s (rate /s; conflicts retried, % of businesses) | $(soakf sqlite "$c" p50) | $(soakf sqlite "$c" p99) | $(soakf sqlite "$c" rate)/s; retried $(soakf sqlite "$c" retried)% | | $(soakf pg "$c" p50) | $(soakf pg "$c" p99) | $(soakf pg "$c" rate)/s; retried $(soakf pg "$c" retried)% | |"
	done
	echo "| submit, one client, after the batch (bench_city, 2,000) | $(field "submit" p50 city-sqlite) | $(field "submit" p99 city-sqlite) | | | $(field "submit" p50 city-pg) | $(field "submit" p99 city-pg) | | |"
	echo "| daily counts of one centre (\`service_report_daily\`, 21 days) | $(field "daily report" p50 city-sqlite) | $(field "daily report" p99 city-sqlite) | | | $(field "daily report" p50 city-pg) | $(field "daily report" p99 city-pg) | | |"
	SQC=$(field "supervisors' report" p50 city-sqlite); PGC=$(field "supervisors' report" p50 city-pg)
	echo "| one centre's day, the full report (\`jzz report daily\`, 21 days) | $SQC | $(field "supervisors' report" p99 city-sqlite) | $SH_CDAY | $(ratio "$SQC" "$SH_CDAY") | $PGC | $(field "supervisors' report" p99 city-pg) | $PS_CDAY | $(ratio "$PGC" "$PS_CDAY") |"
	SQMO=$(field "district's month" p50 city-sqlite); PGMO=$(field "district's month" p50 city-pg)
	echo "| the district's month (\`jzz report range\`, $MFROM to $MTO) | $SQMO | $(field "district's month" p99 city-sqlite) | $SH_MONTH | $(ratio "$SQMO" "$SH_MONTH") | $PGMO | $(field "district's month" p99 city-pg) | $PS_MONTH | $(ratio "$PGMO" "$PS_MONTH") |"
	echo "| auto-endorsement batch, today's cohort | $(batch today city-sqlite) | | | | $(batch today city-pg) | | | |"
	echo
	echo "Submits: bench_soak, each client its own process and handle, the casegen mix and endorsements of seeded persons; clients k work at centre k mod 8 (32 clients: 4 counters a centre). Checked after every submit run, summed over them: SQLite $(checks sqlite); PostgreSQL $(checks pg). After the whole run: SQLite \`integrity_check\` $INTEGRITY; audit chains: SQLite $AUDIT_SQ; PostgreSQL $AUDIT_PG."
	echo "PostgreSQL's tables over 10 MB with their indexes: $PG_TABLES."
	} > "$OUT"
	DOC=$ROOT/docs/benchmarks.md
	if grep -q '<!-- bench/run.sh --pg: begin -->' "$DOC"; then
		awk -v f="$OUT" '/<!-- bench\/run.sh --pg: begin -->/ {print; while ((getline l < f) > 0) print l; skip=1; next}
			/<!-- bench\/run.sh --pg: end -->/ {skip=0} !skip' "$DOC" > "$DOC.tmp" && mv "$DOC.tmp" "$DOC"
	fi
	[ "$STARTED" = 1 ] && as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop > /dev/null
	say "results: $OUT"
	exit 0
fi

# 1. the database, and the seed's floor: SQLite writing the same file
# itself (VACUUM INTO: every page of the seeded file written anew, its
# indexes included), timed on the file as seeded
if [ ! -f "$DB" ]; then
	seed_store "$PERSONS" "$DB"
	rm -f "$DIR/vacuum-into.db"
	say "VACUUM INTO (the seed's floor)"
	/usr/bin/time -f "%e" -o "$DIR/vacuum-into-$PERSONS.time" sqlite3 "$DB" "VACUUM INTO '$DIR/vacuum-into.db'"
	rm -f "$DIR/vacuum-into.db"
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
TUI_RSS=$(awk '{print $8 / 1024}' "$DIR/tui.txt" | med)
DEMO_MS=$(tail -n +2 "$DIR/demo.txt" | awk '{print $4}' | med)
DEMO_FIRST=$(head -1 "$DIR/demo.txt" | awk '{print $4}')
DEMO_RSS=$(awk '{print $8 / 1024}' "$DIR/demo.txt" | med)
DEMO_HWM=$(awk '{print $10 / 1024}' "$DIR/demo.txt" | med)

# 3. the service layer: three whole runs (look-ups, history, reports, batch, submits)
for r in $(seq "$RUNS"); do
	say "bench_city run $r"
	CITY_REPORT_RUNS=${CITY_REPORT_RUNS:-21} CITY_MONTH_RUNS=${CITY_MONTH_RUNS:-5} "$BUILD/bench/bench_city" "$DB" "$TODAY" all "$DIR/ids.txt" 10000 > "$DIR/city-$r.txt" 2>>"$LOG"
done

# 4. the same SQL in the sqlite3 shell
lookup_sql "$DIR/ids.txt" > "$DIR/lookup.sql"
head -500 "$DIR/ids.txt" | awk '{printf "SELECT a.id, a.day, a.created_at, a.business, a.channel, a.decision, coalesce(a.receipt_no, %s), a.centre, a.user_name, a.fee_yuan FROM applications a WHERE a.id_number = %s ORDER BY a.day DESC, a.created_at DESC;\n", "\047\047", "\047" $1 "\047"}' > "$DIR/history.sql"
DAY=$(date -d "$TODAY -3 days" +%F)
MFROM=$(date -d "$(date -d "$TODAY" +%Y-%m-01) -1 month" +%F)
MTO=$(date -d "$(date -d "$TODAY" +%Y-%m-01) -1 day" +%F)
python3 "$ROOT/bench/report_sql.py" --daily 310105009 "$DAY" 10 > "$DIR/daily.sql"
python3 "$ROOT/bench/report_sql.py" all "$MFROM" "$MTO" > "$DIR/month.sql"
python3 "$ROOT/bench/report_sql.py" 310105009 "$DAY" "$DAY" > "$DIR/centreday.sql"
SH_LOOKUP=$(for i in 1 2 3; do shell_ms "$DB" "$DIR/lookup.sql" 2000; done | med)
SH_HIST=$(for i in 1 2 3; do shell_ms "$DB" "$DIR/history.sql" 500; done | med)
SH_DAILY=$(for i in 1 2 3; do shell_ms "$DB" "$DIR/daily.sql" 10; done | med)
SH_MONTH=$(for i in 1 2 3; do shell_ms "$DB" "$DIR/month.sql" 1; done | med)
SH_CDAY=$(for i in 1 2 3; do shell_ms "$DB" "$DIR/centreday.sql" 1; done | med)
ID1=$(head -1 "$DIR/ids.txt")
{
	echo "-- lookup"; sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT * FROM persons WHERE id_number = '$ID1'"
	echo "-- history"; sqlite3 "$DB" "EXPLAIN QUERY PLAN $(head -1 "$DIR/history.sql")"
	echo "-- a person's permit"; sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT id FROM permits WHERE person_id = 'x' AND (status = 'active' OR 1) ORDER BY status = 'active' DESC, rowid DESC LIMIT 1"
	echo "-- daily report, one centre"; sed -n 3,4p "$DIR/daily.sql" | sed "s/?1/'310105009'/g; s/?2/'$DAY'/g" | while read -r q; do sqlite3 "$DB" "EXPLAIN QUERY PLAN $q"; done
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
	rm -f "$SDB" "$SDB"-* "$SDB".key "$KDB" "$KDB"-* "$KDB".key
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

# 7. the results section: each figure beside its floor (ratio of the
# service's p50, or the seed's seconds, to the floor's), and, at another
# size than 1 M, its growth from the last 1 M run (summary-1000000.txt)
SEED_T=$(cat "$DIR/seed-$PERSONS.time" 2>/dev/null || echo "- -")
VAC_T=$(cat "$DIR/vacuum-into-$PERSONS.time" 2>/dev/null || echo -)
SUM=$DIR/summary-$PERSONS.txt
SUM1=$DIR/summary-1000000.txt
: > "$SUM"
keep() { echo "$1 $(echo "$2" | awk '{print $1}')" >> "$SUM"; } # keep KEY "MEDIAN ...": for the growth
grow() { # grow KEY: this run's median over the 1 M run's, or nothing
	[ "$PERSONS" != 1000000 ] && [ -f "$SUM1" ] || return 0
	awk -v k="$1" 'FNR==NR && $1==k {a=$2} FNR!=NR && $1==k {b=$2} END {if (a+0 > 0 && b+0 > 0) printf "x%.2f", a/b}' "$SUM" "$SUM1"
}
row() { # row LABEL KEY P50 P99 MEAN FLOOR TARGET
	keep "$2" "$3"
	echo "| $1 | $3 | $4 | $5 | $6 | $(ratio "$3" "$6") | $7 | $(grow "$2") |"
}
LK50=$(field "lookup by ID" p50); HI50=$(field "person's card" p50); SU50=$(field "submit" p50)
SU99=$(field "submit" p99); DA50=$(field "daily report" p50); CD50=$(field "supervisors' report" p50)
MO50=$(field "district's month" p50)
keep seed "$(echo "$SEED_T" | awk '{print $1}')"
keep submit_p99 "$SU99"
keep bytes_per_person "$((BYTES / NP))"
{
echo "### Results of \`bench/run.sh $PERSONS\` ($(date -u +%F), $(nproc) cores, $(git -C "$ROOT" rev-parse --short HEAD))"
echo
echo "File: $NP persons, $NA applications, $BYTES bytes = **$((BYTES / NP)) bytes per person** (target < 2,000) $(grow bytes_per_person)."
echo "Seed (\`jzz seed --persons $PERSONS\`, once): $(echo $SEED_T | awk '{printf "%s s elapsed, max RSS %.0f MB", $1, $2/1024}') (target at 10 M: < 600 s) $(grow seed); its floor, \`VACUUM INTO\` of the seeded file (SQLite writing every page of it anew): $VAC_T s, ratio $(echo "$SEED_T $VAC_T" | awk '{if ($1+0 > 0 && $3+0 > 0) printf "%.2f", $1/$3; else print "-"}'); $(cat "$DIR/seed-$PERSONS.json" 2>/dev/null)."
echo "First opening (migration to the current schema, if any): $(cat "$DIR/migrate-$PERSONS.time") s."
echo
echo "| what | service layer p50 | p99 | mean | floor: sqlite3 shell, same SQL (mean) | ratio (p50 / floor) | target | growth from 1 M |"
echo "|---|---|---|---|---|---|---|---|"
echo "| start-up: service_open + actor + first look-up (ms, 11 processes) | $(cat "$DIR/startup.txt") | | | | | | |"
echo "| TUI (\`jzz --db\`) to its first frame in a pty (ms, 5 runs) | $TUI_MS | | | | | RSS $TUI_RSS MB | |"
echo "| \`jzz demo\` first frame (ms; first run builds the training file: $DEMO_FIRST ms) | $DEMO_MS | | | | | RSS $DEMO_RSS MB, peak $DEMO_HWM MB (< 30 MB) | |"
row "lookup by ID number (ms)" lookup "$LK50" "$(field "lookup by ID" p99)" "$(field "lookup by ID" mean)" "$SH_LOOKUP" "p99 < 1 ms"
row "person's card and history (ms; floor: the applications only)" history "$HI50" "$(field "person's card" p99)" "$(field "person's card" mean)" "$SH_HIST" ""
row "submit, committed (ms)" submit "$SU50" "$SU99" "$(field "submit" mean)" "" "p99 < 2 ms"
row "daily counts, one centre (ms)" daily "$DA50" "$(field "daily report" p99)" "" "$SH_DAILY" ""
row "supervisors' report, one centre-day, the whole report (ms)" centre_day "$CD50" "$(field "supervisors' report" p99)" "" "$SH_CDAY" "< 30 ms, <= 1.5x its 1 M cost"
row "supervisors' report, district month (ms)" month "$MO50" "$(field "district's month" p99)" "" "$SH_MONTH" "< 1000 ms, <= 1.5x its 1 M cost"
echo "| auto-endorsement batch, today's cohort (ms) | $(batch today) | | | | | | |"
echo "| auto-endorsement batch, run again (ms) | $(batch again) | | | | | | |"
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
