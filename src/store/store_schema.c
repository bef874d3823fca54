/*
 * store_schema.c: the schema as SQL text, version by version.
 *
 * Why versions rather than one CREATE script: a database made by an older
 * jzz must keep working after an upgrade. store_schema_v1 builds version 1
 * from nothing; each store_schema_migrations[v] turns version v into v+1.
 * A new database is built by running v1 then every migration, so that the
 * path an old file takes and the path a new file takes are the same code
 * (and the tests build a v1 file and migrate it).
 *
 * Every table is STRICT; codes are checked by CHECK constraints so that a
 * bug above can never write a word the policy does not know; dates are
 * 'YYYY-MM-DD' text checked with date().
 */
#include "store_internal.h"

/* date(x, '+0 days') normalises an impossible day (2026-02-30 becomes
 * 2026-03-02), which plain date(x) lets through. */
#define DATE_OK(col)  "CHECK (" col " IS NULL OR date(" col ", '+0 days') IS " col ")"
#define UUID_OK(col)  "CHECK (length(" col ") = 36)"
#define BOOL_OK(col)  "CHECK (" col " IN (0, 1))"
#define CENTRE_OK(col) "CHECK (" col " GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')"
#define BUSINESS_CODES "'registration','permit_new','permit_new_fast','permit_replace'," \
	"'permit_replace_fast','permit_reapply','endorsement','card_update','info_change'," \
	"'pickup','cancellation'"

const char store_schema_v1[] =
	"CREATE TABLE meta ("
	"  key   TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") STRICT;\n"

	"CREATE TABLE centres ("
	"  code    TEXT PRIMARY KEY " CENTRE_OK("code") ","
	"  name_zh TEXT NOT NULL,"
	"  kind    TEXT NOT NULL CHECK (kind IN ('street', 'town'))"
	") STRICT;\n"
	/* The 10 street/town centres of Changning (长宁区, 310105), with their
	 * statistical codes (统计用区划代码, first 9 digits). */
	"INSERT INTO centres VALUES"
	STORE_CENTRE_ROWS

	"CREATE TABLE users ("
	"  name          TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 63),"
	"  role          TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'trainer', 'admin')),"
	"  centre        TEXT REFERENCES centres(code),"
	/* NULL until the first login sets it (password hashing: a later issue). */
	"  password_hash TEXT,"
	"  created_at    TEXT NOT NULL"
	") STRICT;\n"

	"CREATE TABLE holiday_years ("
	"  year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099)"
	") STRICT;\n"
	"CREATE TABLE holidays ("
	"  day TEXT PRIMARY KEY " DATE_OK("day") ","
	"  off INTEGER NOT NULL " BOOL_OK("off")
	") STRICT;\n"

	"CREATE TABLE persons ("
	"  id             TEXT PRIMARY KEY " UUID_OK("id") ","
	"  id_number      TEXT NOT NULL UNIQUE CHECK (length(id_number) = 18),"
	"  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),"
	"  phone          TEXT,"
	"  hukou_shanghai INTEGER NOT NULL DEFAULT 0 " BOOL_OK("hukou_shanghai") ","
	"  birth_date     TEXT " DATE_OK("birth_date") ","
	"  address        TEXT,"
	"  created_at     TEXT NOT NULL,"
	"  updated_at     TEXT NOT NULL"
	") STRICT;\n"

	"CREATE TABLE applications ("
	"  id              TEXT PRIMARY KEY " UUID_OK("id") ","
	"  day             TEXT NOT NULL " DATE_OK("day") ","
	"  created_at      TEXT NOT NULL,"
	"  centre          TEXT NOT NULL REFERENCES centres(code),"
	"  user_name       TEXT NOT NULL REFERENCES users(name),"
	"  business        TEXT NOT NULL CHECK (business IN (" BUSINESS_CODES ")),"
	"  channel         TEXT NOT NULL CHECK (channel IN ('counter', 'online', 'kiosk')),"
	"  id_number       TEXT NOT NULL,"
	"  name            TEXT NOT NULL,"
	"  person_id       TEXT REFERENCES persons(id),"
	"  address_changed INTEGER NOT NULL " BOOL_OK("address_changed") ","
	"  decision        TEXT NOT NULL CHECK (decision IN ('accept', 'incomplete', 'refuse')),"
	"  fee_yuan        INTEGER NOT NULL CHECK (fee_yuan >= 0),"
	"  cod_fee_yuan    INTEGER NOT NULL CHECK (cod_fee_yuan >= 0),"
	"  ready_on        TEXT " DATE_OK("ready_on") ","
	"  new_valid_until TEXT " DATE_OK("new_valid_until") ","
	"  receipt_no      TEXT UNIQUE CHECK (receipt_no IS NULL OR receipt_no GLOB"
	"                  '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'),"
	"  decision_json   TEXT NOT NULL,"
	/* a receipt exactly for an accepted case */
	"  CHECK ((decision = 'accept') = (receipt_no IS NOT NULL))"
	") STRICT;\n"
	"CREATE INDEX applications_by_day ON applications(centre, day);\n"
	"CREATE INDEX applications_by_idnum ON applications(id_number, created_at);\n"

	"CREATE TABLE application_rules ("
	"  application_id TEXT NOT NULL REFERENCES applications(id),"
	"  pos            INTEGER NOT NULL,"
	"  rule           TEXT NOT NULL,"
	"  outcome        TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'missing', 'warn')),"
	"  detail         INTEGER NOT NULL,"
	"  who            INTEGER NOT NULL,"
	"  docs           INTEGER NOT NULL,"
	"  date           TEXT " DATE_OK("date") ","
	"  num            INTEGER NOT NULL,"
	"  PRIMARY KEY (application_id, pos)"
	") STRICT, WITHOUT ROWID;\n"

	"CREATE TABLE receipt_seq ("
	"  centre TEXT NOT NULL REFERENCES centres(code),"
	"  day    TEXT NOT NULL " DATE_OK("day") ","
	"  last   INTEGER NOT NULL CHECK (last > 0),"
	"  PRIMARY KEY (centre, day)"
	") STRICT, WITHOUT ROWID;\n"

	"CREATE TABLE registrations ("
	"  id             TEXT PRIMARY KEY " UUID_OK("id") ","
	"  person_id      TEXT NOT NULL REFERENCES persons(id),"
	"  application_id TEXT NOT NULL UNIQUE REFERENCES applications(id),"
	"  registered_on  TEXT NOT NULL " DATE_OK("registered_on") ","
	"  valid_until    TEXT NOT NULL " DATE_OK("valid_until") ","
	"  centre         TEXT NOT NULL REFERENCES centres(code),"
	"  tenure         TEXT NOT NULL CHECK (tenure IN ('own', 'relative_own', 'rent',"
	"                 'relative_rent', 'dormitory', 'unit_housing')),"
	"  property_use   TEXT NOT NULL CHECK (property_use = 'residential'),"
	"  leased_to      TEXT NOT NULL CHECK (leased_to IN ('individual', 'unit'))"
	") STRICT;\n"
	"CREATE INDEX registrations_by_person ON registrations(person_id, registered_on);\n"

	"CREATE TABLE permits ("
	"  id              TEXT PRIMARY KEY " UUID_OK("id") ","
	"  person_id       TEXT NOT NULL REFERENCES persons(id),"
	"  application_id  TEXT NOT NULL UNIQUE REFERENCES applications(id),"
	"  centre          TEXT NOT NULL REFERENCES centres(code),"
	"  status          TEXT NOT NULL CHECK (status IN ('active', 'cancelled')),"
	"  first_issued_on TEXT NOT NULL " DATE_OK("first_issued_on") ","
	"  valid_from      TEXT NOT NULL " DATE_OK("valid_from") ","
	"  valid_until     TEXT NOT NULL " DATE_OK("valid_until") ","
	"  residence_since TEXT " DATE_OK("residence_since") ","
	"  cancelled_on    TEXT " DATE_OK("cancelled_on") ","
	"  cancel_reason   TEXT CHECK (cancel_reason IS NULL OR cancel_reason IN"
	"                  ('not_resident', 'false_materials')),"
	"  cancel_note     TEXT,"
	"  CHECK (valid_until >= valid_from),"
	/* PERMIT-10: a cancellation always has its day, reason and note */
	"  CHECK ((status = 'cancelled') = (cancelled_on IS NOT NULL AND cancel_reason IS NOT NULL"
	"         AND cancel_note IS NOT NULL AND length(cancel_note) > 0))"
	") STRICT;\n"
	/* PERMIT-12 as a constraint: one permit not cancelled per person. */
	"CREATE UNIQUE INDEX permits_one_active ON permits(person_id) WHERE status = 'active';\n"
	"CREATE INDEX permits_by_valid_until ON permits(valid_until) WHERE status = 'active';\n"

	"CREATE TABLE cards ("
	"  id                  TEXT PRIMARY KEY " UUID_OK("id") ","
	"  permit_id           TEXT NOT NULL REFERENCES permits(id),"
	"  application_id      TEXT NOT NULL UNIQUE REFERENCES applications(id),"
	"  business            TEXT NOT NULL CHECK (business IN ('permit_new', 'permit_new_fast',"
	"                      'permit_replace', 'permit_replace_fast', 'permit_reapply')),"
	"  centre              TEXT NOT NULL REFERENCES centres(code),"
	"  delivery            TEXT NOT NULL CHECK (delivery IN ('pickup', 'post')),"
	"  state               TEXT NOT NULL CHECK (state IN ('ordered', 'received', 'picked_up',"
	"                      'posted', 'void')),"
	"  accepted_on         TEXT NOT NULL " DATE_OK("accepted_on") ","
	"  transferred_on      TEXT " DATE_OK("transferred_on") ","
	"  reviewed_on         TEXT " DATE_OK("reviewed_on") ","
	"  ready_on            TEXT NOT NULL " DATE_OK("ready_on") ","
	"  received_on         TEXT " DATE_OK("received_on") ","
	"  notice_due_on       TEXT " DATE_OK("notice_due_on") ","
	"  handed_on           TEXT " DATE_OK("handed_on") ","
	"  printed_valid_until TEXT NOT NULL " DATE_OK("printed_valid_until") ","
	"  seq                 INTEGER NOT NULL,"
	"  CHECK (ready_on >= accepted_on),"
	"  CHECK (state <> 'received' OR (received_on IS NOT NULL AND notice_due_on IS NOT NULL)),"
	"  CHECK (state NOT IN ('picked_up', 'posted') OR handed_on IS NOT NULL)"
	") STRICT;\n"
	"CREATE INDEX cards_by_permit ON cards(permit_id, seq);\n"

	"CREATE TABLE endorsements ("
	"  id               TEXT PRIMARY KEY " UUID_OK("id") ","
	"  permit_id        TEXT NOT NULL REFERENCES permits(id),"
	"  application_id   TEXT REFERENCES applications(id),"
	"  kind             TEXT NOT NULL CHECK (kind IN ('counter', 'auto')),"
	"  day              TEXT NOT NULL " DATE_OK("day") ","
	"  old_valid_until  TEXT NOT NULL " DATE_OK("old_valid_until") ","
	"  new_valid_until  TEXT " DATE_OK("new_valid_until") ","
	"  outcome          TEXT NOT NULL CHECK (outcome IN ('endorsed', 'not_endorsed')),"
	"  reason           TEXT CHECK (reason IS NULL OR reason IN ('address_changed', 'no_phone')),"
	"  residence_years_reset INTEGER NOT NULL " BOOL_OK("residence_years_reset") ","
	"  CHECK ((outcome = 'endorsed') = (new_valid_until IS NOT NULL)),"
	"  CHECK ((outcome = 'not_endorsed') = (reason IS NOT NULL)),"
	"  CHECK (kind = 'auto' OR application_id IS NOT NULL)"
	") STRICT;\n"
	"CREATE INDEX endorsements_by_permit ON endorsements(permit_id, old_valid_until);\n"

	"CREATE TABLE changes ("
	"  id             TEXT PRIMARY KEY " UUID_OK("id") ","
	"  person_id      TEXT NOT NULL REFERENCES persons(id),"
	"  application_id TEXT NOT NULL REFERENCES applications(id),"
	"  field          TEXT NOT NULL CHECK (field IN ('address', 'phone', 'name', 'other')),"
	"  changed_on     TEXT NOT NULL " DATE_OK("changed_on") ","
	"  old_value      TEXT,"
	"  new_value      TEXT,"
	"  late           INTEGER NOT NULL " BOOL_OK("late")
	") STRICT;\n"
	"CREATE INDEX changes_by_person ON changes(person_id);\n"

	"CREATE TABLE fees ("
	"  id             INTEGER PRIMARY KEY,"
	"  application_id TEXT NOT NULL REFERENCES applications(id),"
	"  kind           TEXT NOT NULL CHECK (kind IN ('card_fee', 'cod')),"
	"  amount_yuan    INTEGER NOT NULL CHECK (amount_yuan > 0),"
	"  fee_receipt_no TEXT,"
	"  collected_by   TEXT NOT NULL CHECK (collected_by IN ('counter', 'courier')),"
	"  CHECK ((kind = 'cod') = (collected_by = 'courier'))"
	") STRICT;\n"
	"CREATE INDEX fees_by_application ON fees(application_id);\n"

	"CREATE TABLE sms_outbox ("
	"  id        INTEGER PRIMARY KEY,"
	"  person_id TEXT NOT NULL REFERENCES persons(id),"
	"  phone     TEXT NOT NULL CHECK (length(phone) > 0),"
	"  kind      TEXT NOT NULL CHECK (kind IN ('pickup_notice', 'auto_endorsed', 'auto_not_endorsed')),"
	"  body      TEXT NOT NULL,"
	"  ref_id    TEXT,"
	"  queued_on TEXT NOT NULL " DATE_OK("queued_on") ","
	"  due_on    TEXT NOT NULL " DATE_OK("due_on") ","
	"  sent_on   TEXT " DATE_OK("sent_on")
	") STRICT;\n"

	/* The audit log: append-only, each entry hashed with the previous one
	 * (see store_audit.c). */
	"CREATE TABLE audit_log ("
	"  seq       INTEGER PRIMARY KEY,"
	"  at        TEXT NOT NULL,"
	"  day       TEXT NOT NULL " DATE_OK("day") ","
	"  user_name TEXT NOT NULL,"
	"  role      TEXT NOT NULL,"
	"  centre    TEXT NOT NULL,"
	"  action    TEXT NOT NULL,"
	"  subject   TEXT NOT NULL,"
	"  reason    TEXT NOT NULL,"
	"  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),"
	"  hash      TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)"
	") STRICT;\n"
	"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
	"  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;\n"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	"  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;\n"
	"PRAGMA user_version = 1;\n";

/*
 * v1 -> v2: the self-service kiosks of the deck (“一网通办”自助机), which the
 * first schema did not list, and the indexes of the centres' work queues
 * (cards by centre and state; unsent messages).
 */
static const char store_schema_v2[] =
	"CREATE TABLE kiosks ("
	"  id         INTEGER PRIMARY KEY,"
	"  centre     TEXT REFERENCES centres(code),"
	"  name_zh    TEXT NOT NULL UNIQUE,"
	"  address_zh TEXT NOT NULL"
	") STRICT;\n"
	/* The deck names the street only for the first; the others are left
	 * without a centre rather than guessed. */
	"INSERT INTO kiosks (centre, name_zh, address_zh) VALUES"
	STORE_KIOSK_ROWS
	"CREATE INDEX cards_by_centre_state ON cards(centre, state, ready_on);\n"
	"CREATE INDEX sms_unsent ON sms_outbox(due_on) WHERE sent_on IS NULL;\n"
	"PRAGMA user_version = 2;\n";

/*
 * v2 -> v3 (issue 5): accounts that can be disabled and locked out (failed
 * logins, locked_until in seconds since the epoch, as the caller's clock
 * gave it), and the settings an administrator or a trainer changes without a
 * rebuild: idle_minutes (logout after that long without a key, 10 by
 * default), db_mode (production or training; PRAGMA application_id says the
 * same in the file's header), work_day (training only: the day of work when
 * the caller names none).
 */
static const char store_schema_v3[] =
	"ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 " BOOL_OK("disabled") ";\n"
	"ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0"
	"  CHECK (failed_logins >= 0);\n"
	"ALTER TABLE users ADD COLUMN locked_until INTEGER;\n"
	"ALTER TABLE users ADD COLUMN password_set_at TEXT;\n"
	"CREATE TABLE settings ("
	"  key   TEXT PRIMARY KEY CHECK (key IN ('idle_minutes', 'db_mode', 'work_day')),"
	"  value TEXT NOT NULL,"
	"  CHECK (key <> 'idle_minutes' OR CAST(value AS INTEGER) BETWEEN 1 AND 480),"
	"  CHECK (key <> 'db_mode' OR value IN ('production', 'training')),"
	"  CHECK (key <> 'work_day' OR date(value, '+0 days') IS value)"
	") STRICT;\n"
	"INSERT INTO settings (key, value) VALUES ('idle_minutes', '10'), ('db_mode', 'production');\n"
	"PRAGMA user_version = 3;\n";

/*
 * v3 -> v4 (issue 6, city scale): the indexes that the look-ups and reports
 * needed once a file held 10 million persons and 30 million applications
 * (docs/benchmarks.md has the plans and figures before and after):
 *  - a person's permits, cancelled ones included (the partial unique index
 *    serves only status = 'active', so the card scanned every permit);
 *  - applications by day then centre, for the report's "(?1 IS NULL OR
 *    centre = ?1) AND day BETWEEN" which cannot use (centre, day);
 *  - cards by the day they arrived or were handed over, and the cards
 *    awaiting pickup by notice due day (daily report, report, overdue list);
 *  - the batch's refusals (auto, not endorsed), for the report's list;
 *  - the SMS of a card (the overdue list probed every unsent message per
 *    card).
 */
static const char store_schema_v4[] =
	"CREATE INDEX permits_by_person ON permits(person_id);\n"
	"CREATE INDEX applications_by_day_centre ON applications(day, centre);\n"
	"CREATE INDEX cards_by_received ON cards(received_on, centre) WHERE received_on IS NOT NULL;\n"
	"CREATE INDEX cards_by_handed ON cards(handed_on, centre) WHERE handed_on IS NOT NULL;\n"
	"CREATE INDEX cards_awaiting ON cards(notice_due_on) WHERE state = 'received';\n"
	"CREATE INDEX endorsements_auto_failed ON endorsements(day)"
	"  WHERE kind = 'auto' AND outcome = 'not_endorsed';\n"
	"CREATE INDEX sms_by_ref ON sms_outbox(ref_id) WHERE ref_id IS NOT NULL;\n"
	"PRAGMA user_version = 4;\n";

/*
 * v4 -> v5: trust below the screen.
 *  - accounts: a temporary password (must_change) serves once, to set the
 *    account's own; session_gen grows at every disable, lock, reset and
 *    password change, so that a session opened before ends at its next act;
 *    the reserved account `owner` is the database owner's name in the
 *    records (it never logs in: it has no password);
 *  - login_attempts counts failures of names that are no account, exactly
 *    as users.failed_logins counts those of real ones, so that the answer
 *    does not tell them apart;
 *  - applications.request_id: a retry of a submit whose answer was lost
 *    finds the first one instead of writing a second;
 *  - audit_log.records: the digests of the rows an entry's act wrote, bound
 *    by the entry's MAC (store_audit.c);
 *  - settings.db_mode may say 'rehearsal' (init --rehearsal): SQLite cannot
 *    change a CHECK, so the table is rebuilt with its rows.
 */
static const char store_schema_v5[] =
	"ALTER TABLE users ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0 " BOOL_OK("must_change") ";\n"
	"ALTER TABLE users ADD COLUMN session_gen INTEGER NOT NULL DEFAULT 0;\n"
	"INSERT OR IGNORE INTO users (name, role, centre, password_hash, created_at)"
	"  VALUES ('owner', 'admin', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));\n"
	"CREATE TABLE login_attempts ("
	"  name          TEXT PRIMARY KEY,"
	"  failed_logins INTEGER NOT NULL CHECK (failed_logins >= 0),"
	"  locked_until  INTEGER"
	") STRICT;\n"
	"ALTER TABLE applications ADD COLUMN request_id TEXT"
	"  CHECK (request_id IS NULL OR (length(request_id) BETWEEN 1 AND 64"
	"  AND request_id NOT GLOB '*[^A-Za-z0-9._-]*'));\n"
	"CREATE UNIQUE INDEX applications_by_request ON applications(request_id)"
	"  WHERE request_id IS NOT NULL;\n"
	"ALTER TABLE audit_log ADD COLUMN records TEXT NOT NULL DEFAULT '';\n"
	"CREATE TABLE settings_v5 ("
	"  key   TEXT PRIMARY KEY CHECK (key IN ('idle_minutes', 'db_mode', 'work_day')),"
	"  value TEXT NOT NULL,"
	"  CHECK (key <> 'idle_minutes' OR CAST(value AS INTEGER) BETWEEN 1 AND 480),"
	"  CHECK (key <> 'db_mode' OR value IN ('production', 'training', 'rehearsal')),"
	"  CHECK (key <> 'work_day' OR date(value, '+0 days') IS value)"
	") STRICT;\n"
	"INSERT INTO settings_v5 SELECT key, value FROM settings;\n"
	"DROP TABLE settings;\n"
	"ALTER TABLE settings_v5 RENAME TO settings;\n"
	"PRAGMA user_version = 5;\n";

/*
 * v5 -> v6: the whole record of an application.
 *  - addresses: every address a person had, each valid from a day and
 *    recorded by an application, so that the address a person had on any
 *    day stays answerable (the row valid on a day is the latest valid_from
 *    on or before it); the street is one of the centres' streets/towns and
 *    lies inside the district; persons.address keeps the current one as
 *    text, as before;
 *  - application_agents: who came for the applicant (kind, relation, name,
 *    ID number as given), one row per application with an agent;
 *  - application_deliveries: the postal address of an application (and so
 *    of its card) sent by post;
 *  - card_notices: a pickup notice given other than by the SMS gateway (by
 *    phone at the counter): PERMIT-3's overdue notice ends with either;
 *  - persons by name, for the look-up by name.
 */
#define ADDR_PART_OK(col, lo) "CHECK (" col " IS NULL OR length(" col ") BETWEEN " lo " AND 40)"
static const char store_schema_v6[] =
	"CREATE TABLE addresses ("
	"  id             INTEGER PRIMARY KEY,"
	"  person_id      TEXT NOT NULL REFERENCES persons(id),"
	"  application_id TEXT NOT NULL REFERENCES applications(id),"
	"  valid_from     TEXT NOT NULL " DATE_OK("valid_from") ","
	"  district       TEXT NOT NULL CHECK (district GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),"
	"  street         TEXT NOT NULL REFERENCES centres(code) " CENTRE_OK("street") ","
	"  road           TEXT NOT NULL CHECK (length(road) BETWEEN 1 AND 40),"
	"  lane           TEXT " ADDR_PART_OK("lane", "1") ","
	"  number         TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 40),"
	"  room           TEXT " ADDR_PART_OK("room", "1") ","
	"  recorded_at    TEXT NOT NULL,"
	"  CHECK (substr(street, 1, 6) = district)"
	") STRICT;\n"
	"CREATE INDEX addresses_by_person ON addresses(person_id, valid_from, id);\n"
	"CREATE INDEX addresses_by_road ON addresses(road, district);\n"
	"CREATE TABLE application_agents ("
	"  application_id TEXT PRIMARY KEY REFERENCES applications(id),"
	"  kind           TEXT NOT NULL CHECK (kind IN ('guardian', 'relative', 'other')),"
	"  relation       TEXT CHECK (relation IS NULL OR length(relation) BETWEEN 1 AND 63),"
	"  name           TEXT CHECK (name IS NULL OR length(name) BETWEEN 1 AND 30),"
	"  id_number      TEXT NOT NULL CHECK (length(id_number) BETWEEN 1 AND 63)"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE TABLE application_deliveries ("
	"  application_id TEXT PRIMARY KEY REFERENCES applications(id),"
	"  address        TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 511)"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE TABLE card_notices ("
	"  card_id   TEXT PRIMARY KEY REFERENCES cards(id),"
	"  given_on  TEXT NOT NULL " DATE_OK("given_on") ","
	"  how       TEXT NOT NULL CHECK (how IN ('phone')),"
	"  user_name TEXT NOT NULL REFERENCES users(name)"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE INDEX persons_by_name ON persons(name);\n"
	"PRAGMA user_version = 6;\n";

/*
 * v6 -> v7 (issue 15, reports at city scale):
 *  - applications by day, centre, business, decision, clerk, fees and id:
 *    a covering index for the three aggregate sections and the daily
 *    report, and the outer loop of the fees, rules and documents sections,
 *    which reach their rows by the application's id (it replaces the v4
 *    index on (day, centre), of which it is an extension);
 *  - the batch's refusals by day with their permit (the list of a period);
 *  - cards_unnotified: the cards awaiting pickup whose notice was given
 *    neither by SMS nor by phone, kept by triggers. PERMIT-3's overdue
 *    notices are these once past their due day; found before by probing the
 *    SMS of every card awaiting pickup (22,598 at one centre of the 10 M
 *    file, most of them notified long ago), they are now read directly.
 *    It holds nothing the records do not say (it is rebuilt from them
 *    here), so it is not under the audit: a card enters it when it is
 *    received (or made 'received'), and leaves it when its notice is sent
 *    or given by phone or the card leaves the centre.
 */
#define CARD_UNNOTIFIED_ADD(id) \
	"INSERT OR REPLACE INTO cards_unnotified (card_id, centre, notice_due_on)" \
	" SELECT c.id, c.centre, c.notice_due_on FROM cards c WHERE c.id = " id \
	" AND c.state = 'received' AND NOT " STORE_NOTICE_GIVEN("c") ";"
/* The triggers that keep cards_unnotified (v7; made again by v8, which
 * rebuilt their tables). A card written as received has had no notice yet
 * (the seed writes its cards so, before their SMS). */
#define CARDS_UNNOTIFIED_TRIGGERS \
	"CREATE TRIGGER cards_unnotified_card_in AFTER INSERT ON cards WHEN new.state = 'received'" \
	"  BEGIN INSERT OR REPLACE INTO cards_unnotified VALUES (new.id, new.centre, new.notice_due_on);" \
	"  END;\n" \
	"CREATE TRIGGER cards_unnotified_card_up AFTER UPDATE OF state, centre, notice_due_on ON cards" \
	"  BEGIN DELETE FROM cards_unnotified WHERE card_id = old.id; " \
	CARD_UNNOTIFIED_ADD("new.id") " END;\n" \
	"CREATE TRIGGER cards_unnotified_card_out AFTER DELETE ON cards" \
	"  BEGIN DELETE FROM cards_unnotified WHERE card_id = old.id; END;\n" \
	"CREATE TRIGGER cards_unnotified_sms_in AFTER INSERT ON sms_outbox" \
	"  WHEN new.kind = 'pickup_notice' AND new.sent_on IS NOT NULL" \
	"  BEGIN DELETE FROM cards_unnotified WHERE card_id = new.ref_id; END;\n" \
	"CREATE TRIGGER cards_unnotified_sms_sent AFTER UPDATE OF sent_on ON sms_outbox" \
	"  WHEN new.kind = 'pickup_notice' AND new.sent_on IS NOT NULL" \
	"  BEGIN DELETE FROM cards_unnotified WHERE card_id = new.ref_id; END;\n" \
	"CREATE TRIGGER cards_unnotified_sms_out AFTER DELETE ON sms_outbox" \
	"  WHEN old.kind = 'pickup_notice' AND old.sent_on IS NOT NULL" \
	"  BEGIN " CARD_UNNOTIFIED_ADD("old.ref_id") " END;\n" \
	"CREATE TRIGGER cards_unnotified_phone_in AFTER INSERT ON card_notices" \
	"  BEGIN DELETE FROM cards_unnotified WHERE card_id = new.card_id; END;\n" \
	"CREATE TRIGGER cards_unnotified_phone_out AFTER DELETE ON card_notices" \
	"  BEGIN " CARD_UNNOTIFIED_ADD("old.card_id") " END;\n"
static const char store_schema_v7[] =
	"CREATE INDEX applications_by_day_cover ON applications(day, centre, business, decision,"
	"  user_name, fee_yuan, cod_fee_yuan, id);\n"
	"DROP INDEX applications_by_day_centre;\n"
	"CREATE INDEX endorsements_auto_failed_cover ON endorsements(day, permit_id, old_valid_until, reason)"
	"  WHERE kind = 'auto' AND outcome = 'not_endorsed';\n"
	"DROP INDEX endorsements_auto_failed;\n"
	"CREATE TABLE cards_unnotified ("
	"  card_id       TEXT PRIMARY KEY,"
	"  centre        TEXT NOT NULL,"
	"  notice_due_on TEXT NOT NULL"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE INDEX cards_unnotified_by_centre ON cards_unnotified(centre, notice_due_on);\n"
	"CREATE INDEX cards_unnotified_by_due ON cards_unnotified(notice_due_on);\n"
	"INSERT INTO cards_unnotified (card_id, centre, notice_due_on)"
	"  SELECT c.id, c.centre, c.notice_due_on FROM cards c"
	"  WHERE c.state = 'received' AND NOT " STORE_NOTICE_GIVEN("c") ";\n"
	CARDS_UNNOTIFIED_TRIGGERS
	"PRAGMA user_version = 7;\n";

/*
 * v7 -> v8 (issue 15, a city in a file): ids as 16 bytes, and every UNIQUE
 * a named index.
 *  - Every UUID column (ids, and the columns that name them) holds the
 *    UUID's 16 bytes instead of its 36-character text: about 20 bytes less
 *    in every row and in every index entry that holds one. The store binds
 *    an id as its bytes (bind_uuid) and the engine reads it back as its
 *    text (store_sqlite.c), so that nothing above the store, nor the
 *    audit's row digests, which hash each column's text, sees a change.
 *    jzz_uuid() is the engine's function of the conversion (SQLite 3.40
 *    has no unhex()); it is used here only, never by a constraint, so that
 *    the file stays readable and writable by the sqlite3 shell.
 *  - The UNIQUE constraints of the columns (ID numbers, receipt numbers,
 *    the application of a registration, a permit, a card) become unique
 *    indexes of the same columns: an index can be dropped for a bulk load
 *    and built after it by one sort (the seed), a constraint cannot.
 *  - The active permits by centre and last day, for one centre's
 *    endorsement window (before, the district's permits of the 30 days were
 *    read for any centre: 4,159 rows for a centre's 381 at 1 M persons).
 *  - SQLite cannot change a column's type: each table is made again under
 *    a new name, its rows copied with their rowids (the store's tie-breaks
 *    read them), the old table dropped and the new one renamed, as SQLite's
 *    procedure for altering a table says; the foreign keys are off meanwhile
 *    and checked whole before the commit (store_migrate_to). The triggers
 *    of cards_unnotified go first (a rename checks every trigger's tables)
 *    and come back last; the planner's statistics are kept for the same
 *    indexes under their new names.
 */
#define ID_OK(col) "CHECK (length(" col ") = 16)"
#define V8_ID(col)  col " BLOB NOT NULL " ID_OK(col)
#define V8_NID(col) col " BLOB " ID_OK(col)
#define V8_MOVE(t)  "DROP TABLE " t "; ALTER TABLE " t "_v8 RENAME TO " t ";\n"
static const char store_schema_v8[] =
	"DROP TRIGGER cards_unnotified_card_in; DROP TRIGGER cards_unnotified_card_up;"
	" DROP TRIGGER cards_unnotified_card_out; DROP TRIGGER cards_unnotified_sms_in;"
	" DROP TRIGGER cards_unnotified_sms_sent; DROP TRIGGER cards_unnotified_sms_out;"
	" DROP TRIGGER cards_unnotified_phone_in; DROP TRIGGER cards_unnotified_phone_out;\n"
	"ANALYZE sqlite_schema;\n"
	"CREATE TEMP TABLE v8_stat AS SELECT tbl, idx, stat FROM sqlite_stat1;\n"

	"CREATE TABLE persons_v8 ("
	"  id             BLOB NOT NULL PRIMARY KEY " ID_OK("id") ","
	"  id_number      TEXT NOT NULL CHECK (length(id_number) = 18),"
	"  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),"
	"  phone          TEXT,"
	"  hukou_shanghai INTEGER NOT NULL DEFAULT 0 " BOOL_OK("hukou_shanghai") ","
	"  birth_date     TEXT " DATE_OK("birth_date") ","
	"  address        TEXT,"
	"  created_at     TEXT NOT NULL,"
	"  updated_at     TEXT NOT NULL"
	") STRICT;\n"
	"INSERT INTO persons_v8 (rowid, id, id_number, name, phone, hukou_shanghai, birth_date,"
	"  address, created_at, updated_at)"
	"  SELECT rowid, jzz_uuid(id), id_number, name, phone, hukou_shanghai, birth_date,"
	"  address, created_at, updated_at FROM persons;\n"

	"CREATE TABLE applications_v8 ("
	"  id              BLOB NOT NULL PRIMARY KEY " ID_OK("id") ","
	"  day             TEXT NOT NULL " DATE_OK("day") ","
	"  created_at      TEXT NOT NULL,"
	"  centre          TEXT NOT NULL REFERENCES centres(code),"
	"  user_name       TEXT NOT NULL REFERENCES users(name),"
	"  business        TEXT NOT NULL CHECK (business IN (" BUSINESS_CODES ")),"
	"  channel         TEXT NOT NULL CHECK (channel IN ('counter', 'online', 'kiosk')),"
	"  id_number       TEXT NOT NULL,"
	"  name            TEXT NOT NULL,"
	"  " V8_NID("person_id") " REFERENCES persons(id),"
	"  address_changed INTEGER NOT NULL " BOOL_OK("address_changed") ","
	"  decision        TEXT NOT NULL CHECK (decision IN ('accept', 'incomplete', 'refuse')),"
	"  fee_yuan        INTEGER NOT NULL CHECK (fee_yuan >= 0),"
	"  cod_fee_yuan    INTEGER NOT NULL CHECK (cod_fee_yuan >= 0),"
	"  ready_on        TEXT " DATE_OK("ready_on") ","
	"  new_valid_until TEXT " DATE_OK("new_valid_until") ","
	"  receipt_no      TEXT CHECK (receipt_no IS NULL OR receipt_no GLOB"
	"                  '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'),"
	"  decision_json   TEXT NOT NULL,"
	"  request_id      TEXT"
	"  CHECK (request_id IS NULL OR (length(request_id) BETWEEN 1 AND 64"
	"  AND request_id NOT GLOB '*[^A-Za-z0-9._-]*')),"
	"  CHECK ((decision = 'accept') = (receipt_no IS NOT NULL))"
	") STRICT;\n"
	"INSERT INTO applications_v8 (rowid, id, day, created_at, centre, user_name, business, channel,"
	"  id_number, name, person_id, address_changed, decision, fee_yuan, cod_fee_yuan, ready_on,"
	"  new_valid_until, receipt_no, decision_json, request_id)"
	"  SELECT rowid, jzz_uuid(id), day, created_at, centre, user_name,"
	"  business, channel, id_number, name, jzz_uuid(person_id), address_changed, decision,"
	"  fee_yuan, cod_fee_yuan, ready_on, new_valid_until, receipt_no, decision_json, request_id"
	"  FROM applications;\n"

	"CREATE TABLE application_rules_v8 ("
	"  " V8_ID("application_id") " REFERENCES applications(id),"
	"  pos            INTEGER NOT NULL,"
	"  rule           TEXT NOT NULL,"
	"  outcome        TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'missing', 'warn')),"
	"  detail         INTEGER NOT NULL,"
	"  who            INTEGER NOT NULL,"
	"  docs           INTEGER NOT NULL,"
	"  date           TEXT " DATE_OK("date") ","
	"  num            INTEGER NOT NULL,"
	"  PRIMARY KEY (application_id, pos)"
	") STRICT, WITHOUT ROWID;\n"
	"INSERT INTO application_rules_v8 SELECT jzz_uuid(application_id), pos, rule, outcome,"
	"  detail, who, docs, date, num FROM application_rules;\n"

	"CREATE TABLE registrations_v8 ("
	"  id             BLOB NOT NULL PRIMARY KEY " ID_OK("id") ","
	"  " V8_ID("person_id") " REFERENCES persons(id),"
	"  " V8_ID("application_id") " REFERENCES applications(id),"
	"  registered_on  TEXT NOT NULL " DATE_OK("registered_on") ","
	"  valid_until    TEXT NOT NULL " DATE_OK("valid_until") ","
	"  centre         TEXT NOT NULL REFERENCES centres(code),"
	"  tenure         TEXT NOT NULL CHECK (tenure IN ('own', 'relative_own', 'rent',"
	"                 'relative_rent', 'dormitory', 'unit_housing')),"
	"  property_use   TEXT NOT NULL CHECK (property_use = 'residential'),"
	"  leased_to      TEXT NOT NULL CHECK (leased_to IN ('individual', 'unit'))"
	") STRICT;\n"
	"INSERT INTO registrations_v8 (rowid, id, person_id, application_id, registered_on,"
	"  valid_until, centre, tenure, property_use, leased_to)"
	"  SELECT rowid, jzz_uuid(id), jzz_uuid(person_id),"
	"  jzz_uuid(application_id), registered_on, valid_until, centre, tenure, property_use,"
	"  leased_to FROM registrations;\n"

	"CREATE TABLE permits_v8 ("
	"  id              BLOB NOT NULL PRIMARY KEY " ID_OK("id") ","
	"  " V8_ID("person_id") " REFERENCES persons(id),"
	"  " V8_ID("application_id") " REFERENCES applications(id),"
	"  centre          TEXT NOT NULL REFERENCES centres(code),"
	"  status          TEXT NOT NULL CHECK (status IN ('active', 'cancelled')),"
	"  first_issued_on TEXT NOT NULL " DATE_OK("first_issued_on") ","
	"  valid_from      TEXT NOT NULL " DATE_OK("valid_from") ","
	"  valid_until     TEXT NOT NULL " DATE_OK("valid_until") ","
	"  residence_since TEXT " DATE_OK("residence_since") ","
	"  cancelled_on    TEXT " DATE_OK("cancelled_on") ","
	"  cancel_reason   TEXT CHECK (cancel_reason IS NULL OR cancel_reason IN"
	"                  ('not_resident', 'false_materials')),"
	"  cancel_note     TEXT,"
	"  CHECK (valid_until >= valid_from),"
	"  CHECK ((status = 'cancelled') = (cancelled_on IS NOT NULL AND cancel_reason IS NOT NULL"
	"         AND cancel_note IS NOT NULL AND length(cancel_note) > 0))"
	") STRICT;\n"
	"INSERT INTO permits_v8 (rowid, id, person_id, application_id, centre, status,"
	"  first_issued_on, valid_from, valid_until, residence_since, cancelled_on, cancel_reason,"
	"  cancel_note) SELECT rowid, jzz_uuid(id), jzz_uuid(person_id),"
	"  jzz_uuid(application_id), centre, status, first_issued_on, valid_from, valid_until,"
	"  residence_since, cancelled_on, cancel_reason, cancel_note FROM permits;\n"

	"CREATE TABLE cards_v8 ("
	"  id                  BLOB NOT NULL PRIMARY KEY " ID_OK("id") ","
	"  " V8_ID("permit_id") " REFERENCES permits(id),"
	"  " V8_ID("application_id") " REFERENCES applications(id),"
	"  business            TEXT NOT NULL CHECK (business IN ('permit_new', 'permit_new_fast',"
	"                      'permit_replace', 'permit_replace_fast', 'permit_reapply')),"
	"  centre              TEXT NOT NULL REFERENCES centres(code),"
	"  delivery            TEXT NOT NULL CHECK (delivery IN ('pickup', 'post')),"
	"  state               TEXT NOT NULL CHECK (state IN ('ordered', 'received', 'picked_up',"
	"                      'posted', 'void')),"
	"  accepted_on         TEXT NOT NULL " DATE_OK("accepted_on") ","
	"  transferred_on      TEXT " DATE_OK("transferred_on") ","
	"  reviewed_on         TEXT " DATE_OK("reviewed_on") ","
	"  ready_on            TEXT NOT NULL " DATE_OK("ready_on") ","
	"  received_on         TEXT " DATE_OK("received_on") ","
	"  notice_due_on       TEXT " DATE_OK("notice_due_on") ","
	"  handed_on           TEXT " DATE_OK("handed_on") ","
	"  printed_valid_until TEXT NOT NULL " DATE_OK("printed_valid_until") ","
	"  seq                 INTEGER NOT NULL,"
	"  CHECK (ready_on >= accepted_on),"
	"  CHECK (state <> 'received' OR (received_on IS NOT NULL AND notice_due_on IS NOT NULL)),"
	"  CHECK (state NOT IN ('picked_up', 'posted') OR handed_on IS NOT NULL)"
	") STRICT;\n"
	"INSERT INTO cards_v8 (rowid, id, permit_id, application_id, business, centre, delivery,"
	"  state, accepted_on, transferred_on, reviewed_on, ready_on, received_on, notice_due_on,"
	"  handed_on, printed_valid_until, seq) SELECT rowid, jzz_uuid(id), jzz_uuid(permit_id),"
	"  jzz_uuid(application_id), business, centre, delivery, state, accepted_on,"
	"  transferred_on, reviewed_on, ready_on, received_on, notice_due_on, handed_on,"
	"  printed_valid_until, seq FROM cards;\n"

	"CREATE TABLE endorsements_v8 ("
	"  id               BLOB NOT NULL PRIMARY KEY " ID_OK("id") ","
	"  " V8_ID("permit_id") " REFERENCES permits(id),"
	"  " V8_NID("application_id") " REFERENCES applications(id),"
	"  kind             TEXT NOT NULL CHECK (kind IN ('counter', 'auto')),"
	"  day              TEXT NOT NULL " DATE_OK("day") ","
	"  old_valid_until  TEXT NOT NULL " DATE_OK("old_valid_until") ","
	"  new_valid_until  TEXT " DATE_OK("new_valid_until") ","
	"  outcome          TEXT NOT NULL CHECK (outcome IN ('endorsed', 'not_endorsed')),"
	"  reason           TEXT CHECK (reason IS NULL OR reason IN ('address_changed', 'no_phone')),"
	"  residence_years_reset INTEGER NOT NULL " BOOL_OK("residence_years_reset") ","
	"  CHECK ((outcome = 'endorsed') = (new_valid_until IS NOT NULL)),"
	"  CHECK ((outcome = 'not_endorsed') = (reason IS NOT NULL)),"
	"  CHECK (kind = 'auto' OR application_id IS NOT NULL)"
	") STRICT;\n"
	"INSERT INTO endorsements_v8 (rowid, id, permit_id, application_id, kind, day,"
	"  old_valid_until, new_valid_until, outcome, reason, residence_years_reset)"
	"  SELECT rowid, jzz_uuid(id), jzz_uuid(permit_id),"
	"  jzz_uuid(application_id), kind, day, old_valid_until, new_valid_until, outcome, reason,"
	"  residence_years_reset FROM endorsements;\n"

	"CREATE TABLE changes_v8 ("
	"  id             BLOB NOT NULL PRIMARY KEY " ID_OK("id") ","
	"  " V8_ID("person_id") " REFERENCES persons(id),"
	"  " V8_ID("application_id") " REFERENCES applications(id),"
	"  field          TEXT NOT NULL CHECK (field IN ('address', 'phone', 'name', 'other')),"
	"  changed_on     TEXT NOT NULL " DATE_OK("changed_on") ","
	"  old_value      TEXT,"
	"  new_value      TEXT,"
	"  late           INTEGER NOT NULL " BOOL_OK("late")
	") STRICT;\n"
	"INSERT INTO changes_v8 (rowid, id, person_id, application_id, field, changed_on,"
	"  old_value, new_value, late) SELECT rowid, jzz_uuid(id), jzz_uuid(person_id),"
	"  jzz_uuid(application_id), field, changed_on, old_value, new_value, late FROM changes;\n"

	"CREATE TABLE fees_v8 ("
	"  id             INTEGER PRIMARY KEY,"
	"  " V8_ID("application_id") " REFERENCES applications(id),"
	"  kind           TEXT NOT NULL CHECK (kind IN ('card_fee', 'cod')),"
	"  amount_yuan    INTEGER NOT NULL CHECK (amount_yuan > 0),"
	"  fee_receipt_no TEXT,"
	"  collected_by   TEXT NOT NULL CHECK (collected_by IN ('counter', 'courier')),"
	"  CHECK ((kind = 'cod') = (collected_by = 'courier'))"
	") STRICT;\n"
	"INSERT INTO fees_v8 SELECT id, jzz_uuid(application_id), kind, amount_yuan,"
	"  fee_receipt_no, collected_by FROM fees;\n"

	"CREATE TABLE sms_outbox_v8 ("
	"  id        INTEGER PRIMARY KEY,"
	"  " V8_ID("person_id") " REFERENCES persons(id),"
	"  phone     TEXT NOT NULL CHECK (length(phone) > 0),"
	"  kind      TEXT NOT NULL CHECK (kind IN ('pickup_notice', 'auto_endorsed', 'auto_not_endorsed')),"
	"  body      TEXT NOT NULL,"
	"  " V8_NID("ref_id") ","
	"  queued_on TEXT NOT NULL " DATE_OK("queued_on") ","
	"  due_on    TEXT NOT NULL " DATE_OK("due_on") ","
	"  sent_on   TEXT " DATE_OK("sent_on")
	") STRICT;\n"
	"INSERT INTO sms_outbox_v8 SELECT id, jzz_uuid(person_id), phone, kind, body,"
	"  jzz_uuid(ref_id), queued_on, due_on, sent_on FROM sms_outbox;\n"

	"CREATE TABLE addresses_v8 ("
	"  id             INTEGER PRIMARY KEY,"
	"  " V8_ID("person_id") " REFERENCES persons(id),"
	"  " V8_ID("application_id") " REFERENCES applications(id),"
	"  valid_from     TEXT NOT NULL " DATE_OK("valid_from") ","
	"  district       TEXT NOT NULL CHECK (district GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),"
	"  street         TEXT NOT NULL REFERENCES centres(code) " CENTRE_OK("street") ","
	"  road           TEXT NOT NULL CHECK (length(road) BETWEEN 1 AND 40),"
	"  lane           TEXT " ADDR_PART_OK("lane", "1") ","
	"  number         TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 40),"
	"  room           TEXT " ADDR_PART_OK("room", "1") ","
	"  recorded_at    TEXT NOT NULL,"
	"  CHECK (substr(street, 1, 6) = district)"
	") STRICT;\n"
	"INSERT INTO addresses_v8 SELECT id, jzz_uuid(person_id), jzz_uuid(application_id),"
	"  valid_from, district, street, road, lane, number, room, recorded_at FROM addresses;\n"

	"CREATE TABLE application_agents_v8 ("
	"  application_id BLOB NOT NULL PRIMARY KEY " ID_OK("application_id")
	"                 REFERENCES applications(id),"
	"  kind           TEXT NOT NULL CHECK (kind IN ('guardian', 'relative', 'other')),"
	"  relation       TEXT CHECK (relation IS NULL OR length(relation) BETWEEN 1 AND 63),"
	"  name           TEXT CHECK (name IS NULL OR length(name) BETWEEN 1 AND 30),"
	"  id_number      TEXT NOT NULL CHECK (length(id_number) BETWEEN 1 AND 63)"
	") STRICT, WITHOUT ROWID;\n"
	"INSERT INTO application_agents_v8 SELECT jzz_uuid(application_id), kind, relation, name,"
	"  id_number FROM application_agents;\n"
	"CREATE TABLE application_deliveries_v8 ("
	"  application_id BLOB NOT NULL PRIMARY KEY " ID_OK("application_id")
	"                 REFERENCES applications(id),"
	"  address        TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 511)"
	") STRICT, WITHOUT ROWID;\n"
	"INSERT INTO application_deliveries_v8 SELECT jzz_uuid(application_id), address"
	"  FROM application_deliveries;\n"
	"CREATE TABLE card_notices_v8 ("
	"  card_id   BLOB NOT NULL PRIMARY KEY " ID_OK("card_id") " REFERENCES cards(id),"
	"  given_on  TEXT NOT NULL " DATE_OK("given_on") ","
	"  how       TEXT NOT NULL CHECK (how IN ('phone')),"
	"  user_name TEXT NOT NULL REFERENCES users(name)"
	") STRICT, WITHOUT ROWID;\n"
	"INSERT INTO card_notices_v8 SELECT jzz_uuid(card_id), given_on, how, user_name"
	"  FROM card_notices;\n"
	"CREATE TABLE cards_unnotified_v8 ("
	"  card_id       BLOB NOT NULL PRIMARY KEY " ID_OK("card_id") ","
	"  centre        TEXT NOT NULL,"
	"  notice_due_on TEXT NOT NULL"
	") STRICT, WITHOUT ROWID;\n"
	"INSERT INTO cards_unnotified_v8 SELECT jzz_uuid(card_id), centre, notice_due_on"
	"  FROM cards_unnotified;\n"

	/* children first: a table is dropped before the tables it names */
	V8_MOVE("cards_unnotified") V8_MOVE("card_notices") V8_MOVE("application_deliveries")
	V8_MOVE("application_agents") V8_MOVE("addresses") V8_MOVE("sms_outbox") V8_MOVE("fees")
	V8_MOVE("changes") V8_MOVE("endorsements") V8_MOVE("cards") V8_MOVE("permits")
	V8_MOVE("registrations") V8_MOVE("application_rules") V8_MOVE("applications")
	V8_MOVE("persons")

	/* the UNIQUE constraints as indexes */
	"CREATE UNIQUE INDEX persons_by_id_number ON persons(id_number);\n"
	"CREATE UNIQUE INDEX applications_by_receipt ON applications(receipt_no);\n"
	"CREATE UNIQUE INDEX registrations_by_application ON registrations(application_id);\n"
	"CREATE UNIQUE INDEX permits_by_application ON permits(application_id);\n"
	"CREATE UNIQUE INDEX cards_by_application ON cards(application_id);\n"
	/* every index the tables had, as v1-v7 made them */
	"CREATE INDEX applications_by_day ON applications(centre, day);\n"
	"CREATE INDEX applications_by_idnum ON applications(id_number, created_at);\n"
	"CREATE UNIQUE INDEX applications_by_request ON applications(request_id)"
	"  WHERE request_id IS NOT NULL;\n"
	"CREATE INDEX applications_by_day_cover ON applications(day, centre, business, decision,"
	"  user_name, fee_yuan, cod_fee_yuan, id);\n"
	"CREATE INDEX registrations_by_person ON registrations(person_id, registered_on);\n"
	"CREATE UNIQUE INDEX permits_one_active ON permits(person_id) WHERE status = 'active';\n"
	"CREATE INDEX permits_by_valid_until ON permits(valid_until) WHERE status = 'active';\n"
	"CREATE INDEX permits_by_person ON permits(person_id);\n"
	/* new in v8: one centre's endorsement window without the district's */
	"CREATE INDEX permits_by_centre_valid_until ON permits(centre, valid_until)"
	"  WHERE status = 'active';\n"
	"CREATE INDEX cards_by_permit ON cards(permit_id, seq);\n"
	"CREATE INDEX cards_by_centre_state ON cards(centre, state, ready_on);\n"
	"CREATE INDEX cards_by_received ON cards(received_on, centre) WHERE received_on IS NOT NULL;\n"
	"CREATE INDEX cards_by_handed ON cards(handed_on, centre) WHERE handed_on IS NOT NULL;\n"
	"CREATE INDEX cards_awaiting ON cards(notice_due_on) WHERE state = 'received';\n"
	"CREATE INDEX endorsements_by_permit ON endorsements(permit_id, old_valid_until);\n"
	"CREATE INDEX endorsements_auto_failed_cover ON endorsements(day, permit_id, old_valid_until, reason)"
	"  WHERE kind = 'auto' AND outcome = 'not_endorsed';\n"
	"CREATE INDEX changes_by_person ON changes(person_id);\n"
	"CREATE INDEX fees_by_application ON fees(application_id);\n"
	"CREATE INDEX sms_unsent ON sms_outbox(due_on) WHERE sent_on IS NULL;\n"
	"CREATE INDEX sms_by_ref ON sms_outbox(ref_id) WHERE ref_id IS NOT NULL;\n"
	"CREATE INDEX addresses_by_person ON addresses(person_id, valid_from, id);\n"
	"CREATE INDEX addresses_by_road ON addresses(road, district);\n"
	"CREATE INDEX persons_by_name ON persons(name);\n"
	"CREATE INDEX cards_unnotified_by_centre ON cards_unnotified(centre, notice_due_on);\n"
	"CREATE INDEX cards_unnotified_by_due ON cards_unnotified(notice_due_on);\n"
	CARDS_UNNOTIFIED_TRIGGERS

	/* the statistics of the same indexes, the constraints' under their new
	 * names (the numbers of sqlite_autoindex_T_N are the order of the
	 * table's UNIQUE and PRIMARY KEY clauses in v1) */
	"DELETE FROM sqlite_stat1 WHERE tbl IN (SELECT tbl FROM temp.v8_stat);\n"
	"INSERT INTO sqlite_stat1 (tbl, idx, stat) SELECT tbl, CASE idx"
	"  WHEN 'sqlite_autoindex_persons_2' THEN 'persons_by_id_number'"
	"  WHEN 'sqlite_autoindex_applications_2' THEN 'applications_by_receipt'"
	"  WHEN 'sqlite_autoindex_registrations_2' THEN 'registrations_by_application'"
	"  WHEN 'sqlite_autoindex_permits_2' THEN 'permits_by_application'"
	"  WHEN 'sqlite_autoindex_cards_2' THEN 'cards_by_application'"
	"  ELSE idx END, stat FROM temp.v8_stat"
	"  WHERE idx IS NULL OR idx = tbl"   /* a WITHOUT ROWID table's key */
	"  OR idx IN (SELECT name FROM sqlite_schema WHERE type = 'index')"
	"  OR idx LIKE 'sqlite_autoindex_%_2';\n"
	"DROP TABLE temp.v8_stat;\n"
	"PRAGMA user_version = 8;\n";

/*
 * v8 -> v9 (issue 15, reports that do not grow with the city): the counts
 * the supervisors' report sums, kept per day and centre.
 *  - day_applications (by business, decision and clerk, with the fees),
 *    day_rules (the rules not passed, by outcome) and day_docs (the
 *    applications lacking each document): a district's month reads its
 *    days' rows (some 4,000 at 1 M persons) instead of its applications
 *    (101,000 at 1 M, a million at 10 M) and each of their rules.
 *    store_application_insert adds to them in the application's own
 *    transaction; STORE_DAY_COUNTS_REBUILD (store_internal.h, the same text
 *    on both engines) makes them here from the records as they are, and
 *    after the seed's bulk load. No foreign keys: they are the records'
 *    sums, never a record of their own.
 *  - applications_by_day_cover goes: it served the counts and the rules'
 *    join only. The fees of a period come from the applications that have
 *    one (applications_with_fees, partial: some 4 % of them, and covering:
 *    in the ledger's order, a receipt number beginning with its centre),
 *    not from every application of the period probed for a fee.
 *  - applications_by_idnum loses created_at: nothing reads the index in
 *    that order (a person's history sorts its few rows by day), and it was
 *    24 bytes of every application's entry.
 */
static const char store_schema_v9[] =
	STORE_DAY_COUNTS_TABLES("TEXT", "INTEGER", DATE_OK, " STRICT, WITHOUT ROWID")
	STORE_DAY_COUNTS_REBUILD
	STORE_V9_INDEXES
	"PRAGMA user_version = 9;\n";

/*
 * v9 -> v10 (issue 15): the two indexes of active permits by their last
 * day put the status in their key (status, valid_until), and one centre's
 * (centre, status, valid_until). The status was in their WHERE only, and
 * SQLite (3.40) reads a row from the table to test a column its index
 * lacks, even one the index's WHERE fixes: counting one centre's
 * endorsement window read every permit of it at random (1.9 ms of a 2.9 ms
 * daily report at 1 M persons, a backlog ten times larger at 10 M); with
 * the status a key column its count is read from the index alone, and the
 * order of a page (valid_until, then rowid) is still the index's, the
 * status being fixed. The fees by application carry what the ledger
 * shows (kind, amount, receipt number): a month's ledger joined each of its
 * fees to the table by a second look-up (48,000 at 10 M persons, 347 ms
 * against 309 with the index alone, in Python on the same file). And the
 * unified fee receipts (定额收据) are found by their number as compared,
 * upper(trim(...)): store_fee_receipt_used read every fee of the city, in
 * the transaction of every submit that takes one (0.1 s at 10 M persons).
 * The planner's statistics of the old indexes are kept for the new ones:
 * a status column whose one value covers every row repeats the count
 * before it ("N a b" becomes "N a a b"); the fees' new columns follow a
 * unique id ("N a" becomes "N a 1 1 1 1").
 */
static const char store_schema_v10[] =
	"ANALYZE sqlite_schema;\n"
	"CREATE TEMP TABLE v10_stat AS SELECT idx, stat FROM sqlite_stat1"
	"  WHERE idx IN ('permits_by_valid_until', 'permits_by_centre_valid_until',"
	"  'fees_by_application');\n"
	STORE_V10_INDEXES
	"INSERT INTO sqlite_stat1 (tbl, idx, stat)"
	"  SELECT CASE WHEN idx = 'fees_by_application' THEN 'fees' ELSE 'permits' END, idx,"
	"  CASE WHEN idx = 'fees_by_application' THEN stat || ' 1 1 1 1'"
	"  WHEN idx = 'permits_by_valid_until' THEN substr(stat, 1, instr(stat, ' ')) || stat"
	"  ELSE substr(stat, 1, instr(stat, ' '))"
	"    || substr(stat, instr(stat, ' ') + 1, instr(substr(stat, instr(stat, ' ') + 1) || ' ', ' '))"
	"    || substr(stat, instr(stat, ' ') + 1) END"
	"  FROM temp.v10_stat WHERE instr(stat, ' ') > 0;\n"
	"DROP TABLE temp.v10_stat;\n"
	"PRAGMA user_version = 10;\n";

/*
 * v10 -> v11 (issue 15): the report's last counts that grew with the city,
 * kept (store_internal.h, STORE_V11_TABLES, says what and why): the
 * ledger's length, the cards received and handed over, the refusals of the
 * batch that still stand, per day and centre, and those refusals in the
 * list's order. At 10 M persons these were 11 ms (the ledger's length from
 * its index), 18 ms (the cards, from two indexes) and 91 ms (every refusal
 * of the month joined to its permit) of a district's month. The ledger is
 * now paged like the lists of persons. The triggers are made before the
 * tallies are built from the records, so that the refusals' own trigger
 * counts them.
 */
#define TRIGGER(name, when, body) "CREATE TRIGGER " name " " when " BEGIN" body " END;\n"
static const char store_schema_v11[] =
	STORE_V11_TABLES("TEXT", "INTEGER", "BLOB", DATE_OK, " STRICT, WITHOUT ROWID",
	    " STRICT, WITHOUT ROWID")
	TRIGGER("day_tallies_fee_in", "AFTER INSERT ON fees", STORE_TALLY_FEE_IN)
	TRIGGER("day_tallies_fee_up", "AFTER UPDATE OF application_id ON fees",
	    STORE_TALLY_FEE_OUT STORE_TALLY_FEE_IN)
	TRIGGER("day_tallies_fee_out", "AFTER DELETE ON fees", STORE_TALLY_FEE_OUT)
	TRIGGER("day_tallies_card_in", "AFTER INSERT ON cards", STORE_TALLY_CARD_IN)
	TRIGGER("day_tallies_card_up", "AFTER UPDATE OF received_on, handed_on, centre ON cards",
	    STORE_TALLY_CARD_OUT STORE_TALLY_CARD_IN)
	TRIGGER("day_tallies_card_out", "AFTER DELETE ON cards", STORE_TALLY_CARD_OUT)
	TRIGGER("day_tallies_refusal_in", "AFTER INSERT ON auto_refusals", STORE_TALLY_REFUSAL_IN)
	TRIGGER("day_tallies_refusal_out", "AFTER DELETE ON auto_refusals", STORE_TALLY_REFUSAL_OUT)
	TRIGGER("auto_refusals_endorsement_in", "AFTER INSERT ON endorsements", STORE_AUTO_REFUSAL_IN)
	TRIGGER("auto_refusals_endorsement_up", "AFTER UPDATE ON endorsements",
	    STORE_AUTO_REFUSAL_OUT STORE_AUTO_REFUSAL_IN)
	TRIGGER("auto_refusals_endorsement_out", "AFTER DELETE ON endorsements",
	    STORE_AUTO_REFUSAL_OUT)
	TRIGGER("auto_refusals_permit_up", "AFTER UPDATE OF status, valid_until, centre ON permits",
	    STORE_AUTO_REFUSAL_PERMIT)
	TRIGGER("auto_refusals_permit_out", "AFTER DELETE ON permits", STORE_AUTO_REFUSAL_PERMIT_OUT)
	STORE_DAY_TALLIES_REBUILD
	"PRAGMA user_version = 11;\n";
#undef TRIGGER

/* store_schema_migrations[v] turns version v into v + 1. */
const char *const store_schema_migrations[STORE_SCHEMA_VERSION] = {
	[0] = store_schema_v1,
	[1] = store_schema_v2,
	[2] = store_schema_v3,
	[3] = store_schema_v4,
	[4] = store_schema_v5,
	[5] = store_schema_v6,
	[6] = store_schema_v7,
	[7] = store_schema_v8,
	[8] = store_schema_v9,
	[9] = store_schema_v10,
	[10] = store_schema_v11,
};
