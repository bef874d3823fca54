#!/bin/sh
# test_pg_schema.sh DUMP JZZ DATA_DIR: the PostgreSQL schema of the store
# (src/store/store_schema_pg.c, printed by DUMP) built in a throwaway
# database of the server that PGHOST names, against a SQLite file made by
# `JZZ --db FILE init --rehearsal`: the same tables and columns in the same
# order, keys, indexes, triggers and seed rows; the same statements accepted
# and refused by both engines (checks, the one active permit, foreign keys,
# the append-only audit log); the same cards_unnotified after the same
# writes; and, PostgreSQL's own, the application role's privileges, the
# guards query and the training wipe of the audit log.
#
# Needs a role that may create roles and databases (pg_virtualenv gives
# one). Skipped (77) without PGHOST. Leaves nothing behind: the database
# and the roles it made are dropped at the end.
set -u

if [ -z "${PGHOST:-}" ]; then
	echo "SKIP: PGHOST is not set (no PostgreSQL server to test against)"
	exit 77
fi
if [ $# -ne 3 ]; then
	echo "usage: test_pg_schema.sh DUMP JZZ DATA_DIR" >&2
	exit 2
fi
dump=$1 jzz=$2 data=$3
for tool in psql createdb dropdb sqlite3; do
	command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed" >&2; exit 1; }
done

LC_ALL=C PGCLIENTENCODING=UTF8
export LC_ALL PGCLIENTENCODING
tag=jzz_t$$_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
db=$tag owner=${tag}_owner clerk=${tag}_clerk
pw=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
tmp=$(mktemp -d)
made_app=0
failures=0 passed=0

admin() { psql -X -q -At -v ON_ERROR_STOP=1 -d postgres "$@"; }
cleanup() {
	dropdb --if-exists --force "$db" 2>/dev/null
	admin -c "DROP ROLE IF EXISTS $clerk" -c "DROP ROLE IF EXISTS $owner" >/dev/null 2>&1
	[ "$made_app" = 1 ] && admin -c "DROP ROLE IF EXISTS jzz_app" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

pass() { passed=$((passed + 1)); echo "ok - $1"; }
fail() { failures=$((failures + 1)); echo "FAIL: $1" >&2; }
fatal() { echo "FAIL: $1" >&2; exit 1; }

# ---- the SQLite file, and the PostgreSQL database with its roles ----

JZZ_DATA_DIR=$data JZZ_CONFIG=/dev/null "$jzz" --db "$tmp/x.db" init --rehearsal \
	--centre 310105009 >/dev/null || fatal "jzz init made no SQLite file"
# The same statements run on both: the file keeps an id as its 16 bytes
# (schema v8), so a UUID literal is given to SQLite as X'...'; sqid COL
# reads one back as the text PostgreSQL keeps.
sq() {
	printf '%s\n' "PRAGMA foreign_keys = ON;" "$1" |
		sed -E "s/'([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})'/X'\\1\\2\\3\\4\\5'/g" |
		sqlite3 -bail "$tmp/x.db"
}
sqid() {
	echo "lower(substr(hex($1), 1, 8) || '-' || substr(hex($1), 9, 4) || '-' ||
	 substr(hex($1), 13, 4) || '-' || substr(hex($1), 17, 4) || '-' || substr(hex($1), 21))"
}

app_existed=$(admin -c "SELECT count(*) FROM pg_roles WHERE rolname = 'jzz_app'") ||
	fatal "cannot reach the server"
admin -c "CREATE ROLE $owner LOGIN NOCREATEROLE PASSWORD '$pw'" \
	-c "CREATE ROLE $clerk LOGIN NOCREATEROLE PASSWORD '$pw'" || fatal "cannot create roles"
# A real login as each role where the server lets passwords in; else the
# tester's connection takes the role (the privileges checked are the same).
if PGUSER=$owner PGPASSWORD=$pw psql -X -At -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
	login=1
else
	login=0
	echo "# no password login for new roles here: acting through SET ROLE"
fi
as() {
	role=$1
	shift
	if [ "$login" = 1 ]; then
		PGUSER=$role PGPASSWORD=$pw PGOPTIONS="-c search_path=jzz" \
			psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"
	else
		PGOPTIONS="-c search_path=jzz -c role=$role" \
			psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"
	fi
}
pg() { as "$owner" -c "$1"; }

# ICU's en-US where the server has it, so that a text column left to the
# database's collation would sort otherwise than SQLite.
createdb -O "$owner" --template=template0 --locale-provider=icu --icu-locale=en-US \
	--locale=C.UTF-8 "$db" 2>/dev/null || createdb -O "$owner" "$db" ||
	fatal "cannot create database $db"

"$dump" schema >"$tmp/schema.sql" && "$dump" grants >"$tmp/grants.sql" &&
	"$dump" guards >"$tmp/guards.sql" && "$dump" wipe >"$tmp/wipe.sql" ||
	fatal "pg_schema_dump printed nothing"
as "$owner" -c "CREATE SCHEMA jzz" -c "SET search_path = jzz" -f "$tmp/schema.sql" ||
	fatal "the schema does not build"
pass "the schema builds, as an owner that is no superuser"

if [ "$app_existed" = 0 ]; then
	# The owner has no CREATEROLE: the grants say so and fail nothing.
	as "$owner" -f "$tmp/grants.sql" >"$tmp/grants.out" 2>&1 ||
		fail "the grants fail for an owner without CREATEROLE"
	if grep -q 'NOTICE:.*role jzz_app not created' "$tmp/grants.out" &&
	   [ "$(admin -c "SELECT count(*) FROM pg_roles WHERE rolname = 'jzz_app'")" = 0 ]; then
		pass "without CREATEROLE the grants make no role and say why"
	else
		fail "without CREATEROLE: $(cat "$tmp/grants.out")"
	fi
	admin -c "CREATE ROLE jzz_app NOLOGIN" || fatal "cannot create jzz_app"
	made_app=1
else
	echo "# jzz_app exists in this cluster already: its creation is not tested"
fi
as "$owner" -f "$tmp/grants.sql" || fatal "the grants fail"
as "$owner" -f "$tmp/grants.sql" || fail "the grants cannot be run twice"
admin -c "GRANT jzz_app TO $clerk" || fatal "cannot make $clerk a member of jzz_app"
pass "the grants run (twice) once jzz_app exists"

# ---- the same layout ----

# same LABEL SQLITE_QUERY PG_QUERY: both print the same non-empty rows.
same() {
	sq "$2" | sort >"$tmp/s.txt"
	pg "$3" | sort >"$tmp/p.txt"
	if [ -s "$tmp/s.txt" ] && cmp -s "$tmp/s.txt" "$tmp/p.txt"; then
		pass "$1"
	else
		fail "$1 (< SQLite, > PostgreSQL)"
		diff "$tmp/s.txt" "$tmp/p.txt" | head -40 >&2
	fi
}

# (ids: a BLOB of 16 bytes in the file, text on the server: schema v8)
same "every table has the same columns in the same order, INTEGER as bigint, ids as text" \
	"SELECT m.name, p.cid + 1, p.name, CASE p.type WHEN 'BLOB' THEN 'TEXT' ELSE p.type END
	 FROM sqlite_schema m, pragma_table_info(m.name) p WHERE m.type = 'table'
	 AND m.name <> 'sqlite_stat1'" \
	"SELECT table_name, row_number() OVER (PARTITION BY table_name ORDER BY ordinal_position),
	 column_name, CASE data_type WHEN 'bigint' THEN 'INTEGER' WHEN 'text' THEN 'TEXT'
	 ELSE data_type END FROM information_schema.columns
	 WHERE table_schema = 'jzz' AND column_name <> 'rowid'"

rowids=$(pg "SELECT string_agg(c.table_name, ',' ORDER BY c.table_name)
	FROM information_schema.columns c WHERE c.table_schema = 'jzz' AND c.column_name = 'rowid'
	AND c.is_identity = 'YES' AND c.identity_generation = 'ALWAYS'
	AND c.ordinal_position = (SELECT max(ordinal_position) FROM information_schema.columns x
	WHERE x.table_schema = 'jzz' AND x.table_name = c.table_name)")
# the tables the store orders by rowid (ORDER BY ..., x.rowid)
if [ "$rowids" = "applications,cards,permits,registrations" ]; then
	pass "rowid is the last column of exactly the tables ordered by it"
else
	fail "rowid columns: $rowids"
fi

same "the same primary keys and unique constraints" \
	"SELECT m.name, 'PRIMARY KEY', (SELECT group_concat(name, ',') FROM
	 (SELECT name FROM pragma_table_info(m.name) WHERE pk > 0 ORDER BY pk))
	 FROM sqlite_schema m WHERE m.type = 'table' AND m.name <> 'sqlite_stat1'
	 UNION ALL
	 SELECT m.name, 'UNIQUE', (SELECT group_concat(name, ',') FROM
	 (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno))
	 FROM sqlite_schema m, pragma_index_list(m.name) l WHERE m.type = 'table' AND l.origin = 'u'" \
	"SELECT r.relname, CASE c.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END,
	 (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(att, n)
	 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att)
	 FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
	 JOIN pg_namespace n ON n.oid = r.relnamespace
	 WHERE n.nspname = 'jzz' AND c.contype IN ('p', 'u')"

same "the same foreign keys" \
	"SELECT m.name, f.\"from\", f.\"table\", f.\"to\" FROM sqlite_schema m,
	 pragma_foreign_key_list(m.name) f WHERE m.type = 'table'" \
	"SELECT r.relname, a.attname, fr.relname, fa.attname FROM pg_constraint c
	 JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
	 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
	 JOIN pg_class fr ON fr.oid = c.confrelid
	 JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1]
	 WHERE n.nspname = 'jzz' AND c.contype = 'f' AND cardinality(c.conkey) = 1"

same "the same indexes (name, table, columns, unique, partial)" \
	"SELECT m.name, m.tbl_name, (SELECT group_concat(name, ',') FROM
	 (SELECT name FROM pragma_index_info(m.name) ORDER BY seqno)), l.\"unique\", l.partial
	 FROM sqlite_schema m JOIN pragma_index_list(m.tbl_name) l ON l.name = m.name
	 WHERE m.type = 'index' AND m.sql IS NOT NULL" \
	"SELECT ci.relname, ct.relname, (SELECT string_agg(a.attname, ',' ORDER BY k.n)
	 FROM unnest(i.indkey[0:i.indnkeyatts - 1]) WITH ORDINALITY k(att, n)
	 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.att),
	 i.indisunique::int, (i.indpred IS NOT NULL)::int
	 FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_class ct ON ct.oid = i.indrelid
	 JOIN pg_namespace n ON n.oid = ct.relnamespace WHERE n.nspname = 'jzz'
	 AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid
	 AND c.contype IN ('p', 'u'))"

same "the same triggers (and PostgreSQL's TRUNCATE guard)" \
	"SELECT name, tbl_name FROM sqlite_schema WHERE type = 'trigger'
	 UNION ALL SELECT 'audit_log_no_truncate', 'audit_log'" \
	"SELECT t.tgname, r.relname FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid
	 JOIN pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'jzz' AND NOT t.tgisinternal"

same "the same centres" "SELECT * FROM centres" "SELECT * FROM centres"
same "the same kiosks, numbered alike" "SELECT * FROM kiosks" "SELECT * FROM kiosks"
# init changes db_mode and adds accounts: the schema's own rows are compared
same "the same settings keys and idle_minutes" \
	"SELECT key, CASE key WHEN 'idle_minutes' THEN value END FROM settings" \
	"SELECT key, CASE key WHEN 'idle_minutes' THEN value END FROM settings"
same "the owner account" \
	"SELECT name, role, coalesce(centre, '-'), disabled, must_change FROM users WHERE name = 'owner'" \
	"SELECT name, role, coalesce(centre, '-'), disabled, must_change FROM users"
if [ "$(pg "SELECT value FROM meta WHERE key = 'schema_version'")" = \
     "$(sqlite3 "$tmp/x.db" 'PRAGMA user_version')" ]; then
	pass "meta's schema_version is SQLite's user_version"
else
	fail "schema_version: $(pg "SELECT value FROM meta WHERE key = 'schema_version'")"
fi

# ---- the same statements accepted and refused ----

# both_ok LABEL SQL / both_refuse LABEL KIND SQL: run on both engines.
both_ok() {
	if ! sq "$2" >"$tmp/s.err" 2>&1; then
		fail "$1: SQLite refuses it: $(cat "$tmp/s.err")"
	elif ! pg "$2" >"$tmp/p.err" 2>&1; then
		fail "$1: PostgreSQL refuses it: $(cat "$tmp/p.err")"
	else
		pass "$1"
	fi
}
both_refuse() {
	case $2 in
	check)  s_pat='CHECK constraint failed'  p_pat='violates check constraint' ;;
	unique) s_pat='UNIQUE constraint failed' p_pat='violates unique constraint' ;;
	fk)     s_pat='FOREIGN KEY constraint failed' p_pat='violates foreign key constraint' ;;
	append) s_pat='audit_log is append-only' p_pat='audit_log is append-only' ;;
	esac
	if sq "$3" >"$tmp/s.err" 2>&1 || ! grep -q "$s_pat" "$tmp/s.err"; then
		fail "$1: SQLite: $(cat "$tmp/s.err")"
	elif pg "$3" >"$tmp/p.err" 2>&1 || ! grep -q "$p_pat" "$tmp/p.err"; then
		fail "$1: PostgreSQL: $(cat "$tmp/p.err")"
	else
		pass "$1 (refused by both)"
	fi
}

uuid() { printf '00000000-0000-4000-8000-%012d' "$1"; }
person() { # person N ID_NUMBER [HUKOU [BIRTH]]
	echo "INSERT INTO persons VALUES ('$(uuid "$1")', '$2', '张三$1', '1380000000$1', ${3:-0},
	      '${4:-1990-01-01}', NULL, '2026-12-01T08:00:00Z', '2026-12-01T08:00:00Z')"
}
app() { # app N PERSON [BUSINESS [REQUEST_ID [DECISION RECEIPT [CENTRE]]]]
	echo "INSERT INTO applications (id, day, created_at, centre, user_name, business, channel,
	      id_number, name, person_id, address_changed, decision, fee_yuan, cod_fee_yuan, ready_on,
	      new_valid_until, receipt_no, decision_json, request_id)
	      VALUES ('$(uuid "$1")', '2026-12-01', '2026-12-01T08:0$1:00Z', '${7:-310105009}', 'owner',
	      '${3:-permit_new}', 'counter', '31010519900101001$2', '张三$2', '$(uuid "$2")', 0,
	      '${5:-incomplete}', 20, 0, '2026-12-15', NULL, ${6:-NULL}, '{}', ${4:-NULL})"
}
permit() { # permit N PERSON APP STATUS VALID_UNTIL [CANCEL_NOTE]
	if [ "$4" = cancelled ]; then
		c="'2026-12-01', 'not_resident', '${6-note}'"
	else
		c="NULL, NULL, NULL"
	fi
	echo "INSERT INTO permits VALUES ('$(uuid "$1")', '$(uuid "$2")', '$(uuid "$3")', '310105009',
	      '$4', '2026-12-01', '2026-12-01', '$5', NULL, $c)"
}

both_ok "a person" "$(person 1 310105199001010011)"
both_ok "a second person" "$(person 2 310105199001010012)"
both_ok "a third person" "$(person 3 310105199001010013)"
both_refuse "a birth date 2026-02-30" check "$(person 4 310105199001010014 0 2026-02-30)"
both_refuse "a birth date 2026-2-28" check "$(person 4 310105199001010014 0 2026-2-28)"
both_refuse "a birth date with a time" check "$(person 4 310105199001010014 0 '2026-02-28 10:00')"
both_ok "a birth date 2024-02-29" "$(person 4 310105199001010014 0 2024-02-29)"
both_refuse "hukou_shanghai 2" check "$(person 5 310105199001010015 2)"
both_refuse "an ID number of 17 characters" check "$(person 5 31010519900101001)"
both_refuse "the same ID number twice" unique "$(person 5 310105199001010011)"
both_ok "an application" "$(app 11 1)"
both_refuse "a business code the policy does not know" check "$(app 12 1 permit_bogus)"
both_refuse "a centre that is none" fk "$(app 12 1 permit_new NULL incomplete NULL 310105003)"
both_refuse "a request id with a space" check "$(app 12 1 permit_new "'a b'")"
both_ok "a request id" "$(app 12 1 permit_new "'req-1.ok_2'")"
both_refuse "the same request id twice" unique "$(app 13 1 permit_new "'req-1.ok_2'")"
both_refuse "an accepted application without a receipt" check "$(app 13 1 permit_new NULL accept)"
both_refuse "a receipt number of another form" check \
	"$(app 13 1 permit_new NULL accept "'310105009-2026120-0001'")"
both_ok "an accepted application" "$(app 13 2 permit_new NULL accept "'310105009-20261201-0001'")"
for n in 14 15 16 17 18 19; do
	both_ok "application $n" "$(app $n 3)"
done
both_refuse "a holiday 2026-02-30" check "INSERT INTO holidays VALUES ('2026-02-30', 1)"
both_refuse "a holiday with off = 2" check "INSERT INTO holidays VALUES ('2026-03-02', 2)"
both_ok "a holiday" "INSERT INTO holidays VALUES ('2026-03-02', 1)"
both_refuse "a holiday year 1999" check "INSERT INTO holiday_years VALUES (1999)"
both_refuse "a centre code of letters" check "INSERT INTO centres VALUES ('31010500X', 'x', 'street')"
both_refuse "a centre code of 10 digits" check "INSERT INTO centres VALUES ('3101050091', 'x', 'street')"
both_refuse "a centre of a third kind" check "INSERT INTO centres VALUES ('310105099', 'x', 'village')"
both_ok "a centre" "INSERT INTO centres VALUES ('310105099', '测试街道', 'street')"
both_refuse "an account disabled = 2" check \
	"INSERT INTO users (name, role, created_at, disabled) VALUES ('u1', 'clerk', 'now', 2)"
both_ok "an account with the columns' defaults" \
	"INSERT INTO users (name, role, centre, created_at) VALUES ('u1', 'clerk', '310105009', 'now')"
both_refuse "idle_minutes 0" check "UPDATE settings SET value = '0' WHERE key = 'idle_minutes'"
both_refuse "idle_minutes 481" check "UPDATE settings SET value = '481' WHERE key = 'idle_minutes'"
both_refuse "idle_minutes abc" check "UPDATE settings SET value = 'abc' WHERE key = 'idle_minutes'"
both_ok "idle_minutes 480" "UPDATE settings SET value = '480' WHERE key = 'idle_minutes'"
both_refuse "db_mode demo" check "UPDATE settings SET value = 'demo' WHERE key = 'db_mode'"
both_refuse "a work day 2026-02-30" check "INSERT INTO settings VALUES ('work_day', '2026-02-30')"
both_ok "a work day" "INSERT INTO settings VALUES ('work_day', '2026-02-28')"
both_refuse "a setting the store does not know" check "INSERT INTO settings VALUES ('colour', 'red')"
both_refuse "a rule on 2026-13-01" check \
	"INSERT INTO application_rules VALUES ('$(uuid 11)', 1, 'R', 'pass', 0, 0, 0, '2026-13-01', 0)"
both_ok "a rule" \
	"INSERT INTO application_rules VALUES ('$(uuid 11)', 1, 'R', 'pass', 0, 0, 0, '2026-12-01', 0)"
both_refuse "an address outside its district" check \
	"INSERT INTO addresses (person_id, application_id, valid_from, district, street, road, number,
	 recorded_at) VALUES ('$(uuid 1)', '$(uuid 11)', '2026-12-01', '310104', '310105009', 'R', '1', 'now')"
both_ok "an address" \
	"INSERT INTO addresses (person_id, application_id, valid_from, district, street, road, number,
	 recorded_at) VALUES ('$(uuid 1)', '$(uuid 11)', '2026-12-01', '310105', '310105009', 'R', '1', 'now')"
both_refuse "an unpaid fee" check \
	"INSERT INTO fees (application_id, kind, amount_yuan, collected_by) VALUES ('$(uuid 11)', 'cod', 0, 'courier')"
both_ok "a fee, numbered by the engine" \
	"INSERT INTO fees (application_id, kind, amount_yuan, collected_by) VALUES ('$(uuid 11)', 'cod', 8, 'courier')"
both_ok "a fee whose id is given" \
	"INSERT INTO fees (id, application_id, kind, amount_yuan, collected_by) VALUES (100, '$(uuid 11)', 'card_fee', 20, 'counter')"
# (PostgreSQL's numbers may have gaps: the fee refused above took one)
same "a fee keeps the id given" "SELECT id, kind FROM fees WHERE id = 100" \
	"SELECT id, kind FROM fees WHERE id = 100"

# PERMIT-12: one active permit per person; rowid breaks ties in insertion order.
both_ok "a permit (person 3)" "$(permit 29 3 14 active 2027-12-01)"
both_ok "a permit (person 1)" "$(permit 28 1 11 active 2027-12-01)"
both_refuse "a second active permit for one person" unique "$(permit 27 1 15 active 2027-12-01)"
both_refuse "a cancellation without its note" check "$(permit 27 1 15 cancelled 2027-12-01 '')"
both_ok "a cancelled permit beside the active one" "$(permit 27 1 15 cancelled 2027-12-01)"
both_refuse "a permit ending before it begins" check "$(permit 26 2 16 active 2026-11-30)"
both_refuse "a permit of no application" fk "$(permit 26 2 99 active 2027-12-01)"
same "permits ordered by valid_until, rowid as SQLite orders them" \
	"SELECT group_concat($(sqid id), ' ') FROM (SELECT id FROM permits ORDER BY valid_until, rowid)" \
	"SELECT string_agg(id, ' ' ORDER BY valid_until, rowid) FROM permits"

# Text compares byte by byte in both (SQLite's BINARY, "C").
for name in b B a _x Z 'é' 10 9; do
	both_ok "a failed login of '$name'" "INSERT INTO login_attempts VALUES ('$name', 1, NULL)"
done
same "text sorts as SQLite sorts it" \
	"SELECT group_concat(name, ' ') FROM (SELECT name FROM login_attempts ORDER BY name)" \
	"SELECT string_agg(name, ' ' ORDER BY name) FROM login_attempts"
if [ "$(pg "SELECT string_agg(x, ' ' ORDER BY x COLLATE \"default\") FROM (VALUES ('a'), ('B')) v(x)")" = "a B" ]; then
	pass "(the database's own collation sorts otherwise: the test means something)"
else
	echo "# this database's own collation sorts as C does"
fi

# ---- the audit log ----

audit_row() { # audit_row N
	h=$(printf '%064d' "$1")
	echo "INSERT INTO audit_log (at, day, user_name, role, centre, action, subject, reason,
	      prev_hash, hash) VALUES ('2026-12-01T08:00:00Z', '2026-12-01', 'owner', 'admin',
	      '310105009', 'test', 's', '', '$(printf '%064d' 0)', '$h')"
}
both_ok "an audit entry" "$(audit_row 1)"
both_ok "a second audit entry" "$(audit_row 2)"
both_refuse "an audit entry of 2026-02-30" check "$(audit_row 3 | sed 's/, .2026-12-01.,/, '\''2026-02-30'\'',/')"
both_refuse "an audit entry updated" append "UPDATE audit_log SET reason = 'x'"
both_refuse "an audit entry deleted" append "DELETE FROM audit_log WHERE seq = 1"
# (init wrote the SQLite file's first entry)
same "audit entries numbered alike" \
	"SELECT seq - (SELECT min(seq) FROM audit_log WHERE action = 'test'), hash FROM audit_log WHERE action = 'test'" \
	"SELECT seq - (SELECT min(seq) FROM audit_log WHERE action = 'test'), hash FROM audit_log WHERE action = 'test'"

# refused WHO LABEL PATTERN SQL: PostgreSQL refuses it with that message.
refused() {
	if as "$1" -c "$4" >"$tmp/p.err" 2>&1 || ! grep -q "$3" "$tmp/p.err"; then
		fail "$2: $(cat "$tmp/p.err")"
	else
		pass "$2"
	fi
}
accepted() {
	if as "$1" -c "$3" >"$tmp/p.err" 2>&1; then pass "$2"; else fail "$2: $(cat "$tmp/p.err")"; fi
}
refused "$owner" "the owner's TRUNCATE of the audit log is refused" 'audit_log is append-only' \
	"TRUNCATE audit_log"
accepted "$clerk" "a member of jzz_app adds an audit entry" "$(audit_row 3)"
accepted "$clerk" "a member of jzz_app reads the audit log" "SELECT count(*) FROM audit_log"
refused "$clerk" "a member of jzz_app may not update the audit log" 'permission denied' \
	"UPDATE audit_log SET reason = 'x'"
refused "$clerk" "a member of jzz_app may not delete from the audit log" 'permission denied' \
	"DELETE FROM audit_log"
refused "$clerk" "a member of jzz_app may not truncate the audit log" 'permission denied' \
	"TRUNCATE audit_log"
accepted "$clerk" "a member of jzz_app adds an application" "$(app 20 3)"
refused "$clerk" "a member of jzz_app may not update an application" 'permission denied' \
	"UPDATE applications SET name = 'x'"
refused "$clerk" "a member of jzz_app may not delete an application" 'permission denied' \
	"DELETE FROM applications WHERE id = '$(uuid 20)'"
accepted "$clerk" "a member of jzz_app updates a person" "UPDATE persons SET phone = NULL WHERE id = '$(uuid 3)'"
accepted "$clerk" "a member of jzz_app writes a numbered row (identity)" \
	"INSERT INTO sms_outbox (person_id, phone, kind, body, queued_on, due_on)
	 VALUES ('$(uuid 3)', '1', 'auto_endorsed', 'b', '2026-12-01', '2026-12-01')"
accepted "$clerk" "a member of jzz_app calls the schema's functions" "SELECT jzz_date_ok('2026-12-01')"
refused "$clerk" "a member of jzz_app cannot drop the guard" 'must be owner' \
	"DROP TRIGGER audit_log_no_update ON audit_log"

# guards [SQL]: the guards query's answer, after SQL in a transaction undone.
guards() {
	as "$owner" -c "BEGIN" ${1:+-c "$1"} -f "$tmp/guards.sql" -c "ROLLBACK" 2>&1 </dev/null
}
g=$(guards)
[ "$g" = 2 ] && pass "the guards query says 2" || fail "the guards query says '$g'"
while IFS='|' read -r want act; do
	g=$(guards "$act")
	[ "$g" = "$want" ] && pass "the guards query says $want after: $act" ||
		fail "the guards query says '$g', not $want, after: $act"
done <<'GUARDS'
1|DROP TRIGGER audit_log_no_update ON audit_log
1|DROP TRIGGER audit_log_no_delete ON audit_log
1|ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate
1|ALTER TABLE audit_log ENABLE REPLICA TRIGGER audit_log_no_update
1|CREATE OR REPLACE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW WHEN (false) EXECUTE FUNCTION jzz_audit_log_append_only()
1|CREATE OR REPLACE TRIGGER audit_log_no_update AFTER UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION jzz_audit_log_append_only()
0|CREATE OR REPLACE FUNCTION jzz_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'
GUARDS
g=$(guards)
[ "$g" = 2 ] && pass "the guards query says 2 again (nothing kept)" || fail "the guards query says '$g'"

refused "$clerk" "a member of jzz_app cannot wipe the audit log" 'must be owner' \
	"BEGIN; $(cat "$tmp/wipe.sql") COMMIT;"
n=$(pg "SELECT count(*) FROM audit_log")
as "$owner" -c "BEGIN" -f "$tmp/wipe.sql" -c "COMMIT" || fail "the wipe fails"
after=$(pg "SELECT count(*) FROM audit_log")
[ "$n" -gt 0 ] && [ "$after" = 0 ] && pass "the wipe empties the audit log ($n entries)" ||
	fail "the wipe left $after of $n entries"
g=$(guards)
[ "$g" = 2 ] && pass "the guards query says 2 after the wipe" || fail "after the wipe: '$g'"
s=$(pg "$(audit_row 8) RETURNING seq")
[ "$s" = 1 ] && pass "the wipe numbers the audit log from 1 again" || fail "after the wipe seq $s"
refused "$owner" "after the wipe a deletion is refused again" 'audit_log is append-only' \
	"DELETE FROM audit_log"

# ---- cards_unnotified, kept by the triggers ----

ca=$(uuid 31) cb=$(uuid 32) cc=$(uuid 33)
card() { # card N APP STATE [RECEIVED DUE]
	if [ -n "${4:-}" ]; then r="'$4', '$5'"; else r="NULL, NULL"; fi
	echo "INSERT INTO cards (id, permit_id, application_id, business, centre, delivery, state,
	      accepted_on, transferred_on, reviewed_on, ready_on, received_on, notice_due_on,
	      handed_on, printed_valid_until, seq) VALUES ('$(uuid "$1")', '$(uuid 29)', '$(uuid "$2")',
	      'permit_new', '310105009', 'pickup', '$3', '2026-12-01', NULL, NULL, '2026-12-15',
	      $r, NULL, '2027-12-01', $1)"
}
sms() { # sms CARD SENT_ON
	echo "INSERT INTO sms_outbox (person_id, phone, kind, body, ref_id, queued_on, due_on, sent_on)
	      VALUES ('$(uuid 3)', '13800000003', 'pickup_notice', 'b', '$1', '2026-12-16', '2026-12-16', $2)"
}
# step LABEL SQL EXPECTED: both engines run it, then hold the same
# cards_unnotified, whose cards are EXPECTED (their last digits).
step() {
	both_ok "$1" "$2"
	same "cards_unnotified after: $1" \
		"SELECT 'n', $(sqid card_id), centre, notice_due_on FROM cards_unnotified UNION ALL SELECT 'count', CAST(count(*) AS TEXT), '', '' FROM cards_unnotified" \
		"SELECT 'n', card_id, centre, notice_due_on FROM cards_unnotified UNION ALL SELECT 'count', CAST(count(*) AS TEXT), '', '' FROM cards_unnotified"
	got=$(pg "SELECT coalesce(string_agg(right(card_id, 2), ' ' ORDER BY card_id), '-') FROM cards_unnotified")
	[ "$got" = "$3" ] && pass "cards_unnotified holds: $3" || fail "cards_unnotified holds '$got', not '$3'"
}
step "a card ordered" "$(card 31 16 ordered)" "-"
step "a card written as received" "$(card 32 17 received 2026-12-16 2026-12-23)" "32"
step "a card received" "UPDATE cards SET state = 'received', received_on = '2026-12-16',
	notice_due_on = '2026-12-23' WHERE id = '$ca'" "31 32"
step "its SMS queued" "$(sms "$ca" NULL)" "31 32"
step "its SMS sent" "UPDATE sms_outbox SET sent_on = '2026-12-16' WHERE ref_id = '$ca'" "32"
step "a card's notice given by phone" "INSERT INTO card_notices VALUES ('$cb', '2026-12-16', 'phone', 'owner')" "-"
step "the phone notice taken back" "DELETE FROM card_notices WHERE card_id = '$cb'" "32"
step "the SMS taken back" "DELETE FROM sms_outbox WHERE ref_id = '$ca'" "31 32"
step "a notice due later" "UPDATE cards SET notice_due_on = '2026-12-30' WHERE id = '$cb'" "31 32"
step "a card picked up" "UPDATE cards SET state = 'picked_up', handed_on = '2026-12-20' WHERE id = '$cb'" "31"
step "an SMS written as sent" "$(sms "$ca" "'2026-12-17'")" "-"
step "a notified card moved" "UPDATE cards SET centre = '310105099' WHERE id = '$ca'" "-"
step "a third card received" "$(card 33 18 received 2026-12-16 2026-12-23)" "33"
step "two cards back to ordered, at once" "UPDATE cards SET state = 'ordered', received_on = NULL,
	notice_due_on = NULL WHERE id IN ('$ca', '$cc')" "-"
step "two cards received, at once" "UPDATE cards SET state = 'received', received_on = '2026-12-18',
	notice_due_on = '2026-12-25' WHERE id IN ('$ca', '$cc')" "33"
step "a card deleted" "DELETE FROM cards WHERE id = '$cc'" "-"

echo "# $passed passed, $failures failed"
[ "$failures" = 0 ]
