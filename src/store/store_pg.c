/*
 * store_pg.c: the PostgreSQL engine of the store, one record for every
 * centre of a district or the city (case-format.md: --db postgresql://…,
 * postgres://… or service=NAME).
 *
 * What differs from SQLite, and why it is said here and nowhere else:
 *  - The store lives in the schema `jzz` of the database the connection
 *    names; every connection sets search_path to it, so the store's SQL
 *    names tables unqualified on both engines. init makes the schema (or
 *    takes an empty one an administrator made) and refuses one that holds
 *    tables.
 *  - The store's SQL is written with SQLite's ?N parameters; prepare
 *    rewrites them to $N (outside quoted text) and prepares the statement
 *    once per connection. Values travel as text and the server infers
 *    their types from the SQL, as SQLite's affinity does.
 *  - Writes run SERIALIZABLE: two counters at two centres serving the same
 *    person, or taking the next receipt number of the same centre and day,
 *    are served one after the other; the one that loses comes back as
 *    STMT_BUSY (SQLSTATE 40001, or a deadlock, 40P01), and the service
 *    layer's transaction runner runs its act again from the start. So
 *    receipt numbers stay unique and gapless under concurrent writers.
 *  - Results come as text: integers and booleans read back as SQLite's
 *    would (a bool is 1 or 0), and a column's type is told in SQLite's
 *    numbering, because the audit's row digests hash it.
 *  - The owner (case-format.md "Who acts") is the role owning the schema;
 *    there is no file header mark (the settings row says the mode), no
 *    jzz backup (pg_dump, pg_basebackup: docs/deploy.md), no integrity
 *    pragma, no bulk mode.
 *  - Credentials never come on a command line: libpq reads ~/.pgpass or
 *    the service file; messages name the target without its password.
 */
#include "store_internal.h"

#include <errno.h>
#include <libpq-fe.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PG_SCHEMA     "jzz"
#define PG_PARAMS_MAX 40

/* OIDs of the built-in types whose text the engine reads (pg_type.h) */
#define PG_OID_BOOL    16
#define PG_OID_BYTEA   17
#define PG_OID_INT8    20
#define PG_OID_INT2    21
#define PG_OID_INT4    23
#define PG_OID_TEXT    25
#define PG_OID_FLOAT4  700
#define PG_OID_FLOAT8  701
#define PG_OID_NUMERIC 1700

struct store_conn {
	PGconn  *pg;
	char     err[256];
	int64_t  changes;
	int      nprepared;        /* names the next prepared statement */
	unsigned session;          /* the server session the statements were prepared in */
	bool     made_schema;      /* init made the schema: publish(!ok) drops it */
	bool     tx;               /* between a BEGIN and its COMMIT or ROLLBACK, as the
	                            * store sees it (the server's may be gone) */
	long     deadline_ms;      /* the longest wait for an answer (pg_deadline_learn) */
	char     stalled[160];     /* the last answer did not come within deadline_ms and
	                            * the link was dropped (pg_deadline_drop): what the
	                            * counter hears; "" otherwise */
};

struct pg_stmt {
	struct store_stmt  base;
	struct store_conn *c;
	char               name[16];
	char              *text;      /* in PostgreSQL's spelling, to prepare it again */
	Oid                types[PG_PARAMS_MAX];
	unsigned           session;   /* prepared in this server session (c->session) */
	bool               commit;    /* COMMIT: a lost connection leaves it unknown */
	bool               oneshot;   /* SELECT *: planned at each run, not prepared */
	bool               begin;     /* BEGIN or ROLLBACK: where a transaction starts or ends */
	int                nparams;
	char              *vals[PG_PARAMS_MAX];
	PGresult          *res;
	int                row;       /* the current row of res; -1 before the first step */
	int                nrows;
	bool               done;
	/* A statement of bulk rows (copy_prepare): no server statement; each
	 * step adds a line of COPY's text format to buf, flushed by
	 * copy_flush with copy_sql. */
	bool               copy;
	char              *copy_sql;
	char              *buf;
	size_t             len, cap;
};

#define PGS(s) ((struct pg_stmt *)(s))

static bool
pg_claims(const char *target)
{
	return strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0 ||
	    strncmp(target, "service=", 8) == 0;
}

static const char *
pg_errmsg(struct store_conn *c)
{
	return c->err;
}

/* The server's message, one line, for st->err. */
static void
pg_note(struct store_conn *c, const char *msg)
{
	size_t n;

	if (c->stalled[0] != '\0')
		msg = c->stalled;
	snprintf(c->err, sizeof c->err, "%s", msg != NULL && *msg != '\0' ? msg :
	    PQerrorMessage(c->pg));
	n = strcspn(c->err, "\n");
	c->err[n] = '\0';
	if (PQstatus(c->pg) == CONNECTION_BAD && c->stalled[0] == '\0') {
		char keep[sizeof c->err];

		snprintf(keep, sizeof keep, "%s", c->err);
		snprintf(c->err, sizeof c->err, "the connection to the database server was lost: %.200s",
		    keep);
	}
}

/* What a failed result means to the store: the conflicts a retry cures are
 * BUSY (serialization failure, deadlock, a lock not granted in time); all
 * else is an error. */
static enum stmt_rc
pg_result_rc(struct store_conn *c, PGresult *r)
{
	const char *state = r != NULL ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;

	pg_note(c, r != NULL ? PQresultErrorMessage(r) : NULL);
	if (state != NULL && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "55P03") == 0))
		return STMT_BUSY;
	if (state != NULL && strcmp(state, "57014") == 0) {
		/* the statement timeout: said in the counter's terms */
		char keep[sizeof c->err];

		snprintf(keep, sizeof keep, "%s", c->err);
		snprintf(c->err, sizeof c->err, "the database server did not answer in time, nothing"
		    " was written (%.150s)", keep);
	}
	return STMT_ERR;
}

/* ---- the client's deadline ----
 *
 * libpq's blocking calls wait for as long as the server keeps the TCP link
 * up: a server that hangs, or a link that stalls without breaking (a stuck
 * firewall, a proxy that stopped forwarding), would hold a counter's F10
 * for ever, and keepalives see nothing wrong while the other end's kernel
 * still acknowledges. So every statement is sent (PQsend*) and its answer
 * awaited on the socket with poll(), for at most the session's
 * statement_timeout and a margin for the network: past that the server
 * ought to have cancelled it and said so. Then the link is dropped and the
 * statement fails as a lost link does (store_link_lost: "cannot reach"),
 * an error at once rather than a retry that would wait as long again; at
 * COMMIT the outcome is unknown, as for any link lost there.
 *
 * Why not PQcancel first: in this libpq (15) it opens a new connection on
 * the same path and waits for the server's close with no bound of its
 * own, which is the very wait the deadline is there to end. The server
 * ends a statement whose client went at its own statement_timeout, and
 * rolls back what it had not committed.
 */

#define PG_DEADLINE_MARGIN_MS  5000
/* before the session's own timeout is known: jzz's default one (30 s) */
#define PG_DEADLINE_DEFAULT_MS (30000 + PG_DEADLINE_MARGIN_MS)

static long long
pg_deadline_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The link dropped because no answer came within the deadline: the socket
 * shut down under libpq, which then reads its end and marks the
 * connection bad, as when the server drops it. */
static void
pg_deadline_drop(struct store_conn *c)
{
	PGresult *r;

	snprintf(c->stalled, sizeof c->stalled, "the database server did not answer within %ld s;"
	    " the link to it was dropped", (c->deadline_ms + 999) / 1000);
	shutdown(PQsocket(c->pg), SHUT_RDWR);
	(void)PQconsumeInput(c->pg);
	/* what libpq queued about it; it returns at once on a bad link */
	while (PQstatus(c->pg) == CONNECTION_BAD && (r = PQgetResult(c->pg)) != NULL)
		PQclear(r);
}

/* Waits until the socket is readable (or writable too, when `out`) or the
 * deadline `end` passes: false then. */
static bool
pg_deadline_wait(struct store_conn *c, bool out, long long end)
{
	for (;;) {
		struct pollfd pfd = { PQsocket(c->pg), (short)(POLLIN | (out ? POLLOUT : 0)), 0 };
		long long     left = end - pg_deadline_now_ms();
		int           n;

		if (pfd.fd < 0)
			return true;   /* no socket: libpq says why at the next call */
		if (left <= 0)
			return false;
		n = poll(&pfd, 1, left > 60000 ? 60000 : (int)left);
		if (n > 0 || (n < 0 && errno != EINTR))
			return true;
	}
}

/*
 * The answer to what `sent` (a PQsend* call's return) sent, as PQexec
 * gives it: the last result of a script, the first error kept. NULL when
 * nothing could be sent, or when no answer came in time (c->stalled says
 * so, and the link is dropped). The connection is non-blocking only while
 * the statement goes out (the caller set it), so that a stalled link
 * cannot hold the send either.
 */
static PGresult *
pg_deadline_result(struct store_conn *c, int sent)
{
	long long end = pg_deadline_now_ms() + c->deadline_ms;
	PGresult *keep = NULL, *r;
	int       pending = sent == 1 ? PQflush(c->pg) : -1;

	while (pending == 1) {
		if (!pg_deadline_wait(c, true, end))
			goto stalled;
		if (!PQconsumeInput(c->pg))
			break;
		pending = PQflush(c->pg);
	}
	(void)PQsetnonblocking(c->pg, 0);
	if (sent != 1 || pending < 0)
		return NULL;
	for (;;) {
		ExecStatusType st;

		while (PQisBusy(c->pg) && PQstatus(c->pg) != CONNECTION_BAD) {
			if (!pg_deadline_wait(c, false, end))
				goto stalled;
			if (!PQconsumeInput(c->pg))
				break;   /* the link broke: PQgetResult says how */
		}
		if ((r = PQgetResult(c->pg)) == NULL)
			break;
		st = PQresultStatus(r);
		if (keep != NULL && PQresultStatus(keep) == PGRES_FATAL_ERROR)
			PQclear(r);   /* the first error stands */
		else {
			PQclear(keep);
			keep = r;
		}
		if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT || st == PGRES_COPY_BOTH ||
		    PQstatus(c->pg) == CONNECTION_BAD)
			break;
	}
	return keep;
stalled:
	(void)PQsetnonblocking(c->pg, 0);
	PQclear(keep);
	pg_deadline_drop(c);
	return NULL;
}

/* Ready to send one statement under the deadline: the last one's stall
 * forgotten, the connection non-blocking until it is out. */
static PGconn *
pg_deadline_send(struct store_conn *c)
{
	c->stalled[0] = '\0';
	(void)PQsetnonblocking(c->pg, 1);
	return c->pg;
}

/* The session's statement_timeout (the target's options, the role's or
 * database's settings, or jzz's 30 s default), plus the margin, is the
 * bound of every wait that follows in this session. */
static enum stmt_rc
pg_deadline_learn(struct store_conn *c)
{
	PGresult *r = pg_deadline_result(c, PQsendQuery(pg_deadline_send(c),
	    "SELECT setting FROM pg_settings WHERE name = 'statement_timeout'"));
	long      ms;

	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
		enum stmt_rc rc = pg_result_rc(c, r);

		PQclear(r);
		return rc;
	}
	ms = strtol(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	c->deadline_ms = ms > 0 ? ms + PG_DEADLINE_MARGIN_MS : PG_DEADLINE_DEFAULT_MS;
	return STMT_DONE;
}

/* ---- statements ---- */

/*
 * SQLite's parameters in PostgreSQL's spelling: ?N becomes $N, a bare ?
 * the next number after the highest so far (SQLite's own rule); SQLite's
 * planner hints go. Quoted text ('…', "…") is copied as it is. Returns the
 * highest number, or -1 when the text does not fit; used[N] says which
 * numbers the text names.
 */
static int
pg_rewrite(const char *sql, char *out, size_t size, bool used[PG_PARAMS_MAX + 1])
{
	size_t o = 0;
	int    max = 0;
	char   quote = 0;

	for (const char *p = sql; *p != '\0'; p++) {
		char num[16];
		int  k;

		if (quote != 0 || *p == '\'' || *p == '"') {
			if (quote == 0)
				quote = *p;
			else if (*p == quote)
				quote = 0;
			if (o + 1 >= size)
				return -1;
			out[o++] = *p;
			continue;
		}
		/* SQLite's planner hints (a fixed join order, an expression that
		 * keeps an index out of a GROUP BY) mean nothing here, and
		 * PostgreSQL's grammar has neither: CROSS JOIN … ON is JOIN … ON,
		 * BY +x is BY x. */
		if (strncmp(p, "CROSS JOIN ", 11) == 0)
			p += 6;
		else if (strncmp(p, "BY +", 4) == 0) {
			if (o + 3 >= size)
				return -1;
			memcpy(out + o, "BY ", 3);
			o += 3;
			p += 3;
			continue;
		}
		if (*p != '?') {
			if (o + 1 >= size)
				return -1;
			out[o++] = *p;
			continue;
		}
		if (p[1] >= '0' && p[1] <= '9') {
			k = 0;
			while (p[1] >= '0' && p[1] <= '9')
				k = k * 10 + (*++p - '0');
		} else
			k = max + 1;
		if (k > max)
			max = k;
		if (k <= PG_PARAMS_MAX)
			used[k] = true;
		snprintf(num, sizeof num, "$%d", k);
		if (o + strlen(num) + 1 >= size)
			return -1;
		memcpy(out + o, num, strlen(num));
		o += strlen(num);
	}
	out[o] = '\0';
	return max;
}

/* Prepares s->text under s->name in the connection's current session. */
static bool
pg_prepare_now(struct store_conn *c, struct pg_stmt *s)
{
	PGresult *r = pg_deadline_result(c, PQsendPrepare(pg_deadline_send(c), s->name, s->text,
	    s->nparams, s->types));
	bool      ok = PQresultStatus(r) == PGRES_COMMAND_OK;

	if (!ok)
		pg_result_rc(c, r);
	PQclear(r);
	s->session = c->session;
	return ok;
}

static struct store_stmt *
pg_prepare(struct store_conn *c, const char *sql)
{
	size_t          size = strlen(sql) * 2 + 64;
	struct pg_stmt *s = calloc(1, sizeof *s);
	int             n;
	bool            used[PG_PARAMS_MAX + 1] = { false };

	if (s == NULL || (s->text = malloc(size)) == NULL) {
		free(s);
		snprintf(c->err, sizeof c->err, "out of memory");
		return NULL;
	}
	n = pg_rewrite(sql, s->text, size, used);
	if (n < 0 || n > PG_PARAMS_MAX) {
		snprintf(c->err, sizeof c->err, "a statement with %d parameters (at most %d)", n,
		    PG_PARAMS_MAX);
		free(s->text);
		free(s);
		return NULL;
	}
	/* The server infers each parameter's type from the SQL; one the SQL
	 * does not name (a statement of a family bound alike) is text. */
	for (int i = 0; i < n; i++)
		s->types[i] = used[i + 1] ? 0 : PG_OID_TEXT;
	s->nparams = n;
	s->commit = strncmp(sql, "COMMIT", 6) == 0;
	/* A prepared SELECT * fails once a column was added to its table
	 * ("cached plan must not change result type"), which would read as a
	 * broken audit entry after a migration; the audit's row reads are the
	 * only ones, and are planned afresh each time. */
	s->oneshot = strstr(sql, "SELECT * ") != NULL;
	s->begin = strncmp(sql, "BEGIN", 5) == 0 || strncmp(sql, "ROLLBACK", 8) == 0;
	snprintf(s->name, sizeof s->name, "jzz%d", ++c->nprepared);
	if (!s->oneshot && !pg_prepare_now(c, s)) {
		free(s->text);
		free(s);
		return NULL;
	}
	s->base.drv = &store_driver_pg;
	s->c = c;
	s->row = -1;
	return &s->base;
}

static void
pg_clear_result(struct pg_stmt *s)
{
	PQclear(s->res);
	s->res = NULL;
	s->row = -1;
	s->nrows = 0;
	s->done = false;
}

static void
pg_reset(struct store_stmt *st)
{
	struct pg_stmt *s = PGS(st);

	pg_clear_result(s);
	for (int i = 0; i < s->nparams; i++) {
		free(s->vals[i]);
		s->vals[i] = NULL;
	}
}

/* The statement stays prepared on the server until the connection ends:
 * the store prepares a fixed set once per connection, so nothing piles
 * up, and closing a handle costs no round trip per statement. */
static void
pg_finalize(struct store_stmt *st)
{
	if (st == NULL)
		return;
	pg_reset(st);
	free(PGS(st)->text);
	free(PGS(st)->copy_sql);
	free(PGS(st)->buf);
	free(st);
}

/* ---- bulk rows: COPY FROM STDIN in text format ---- */

static bool
pg_copy_put(struct pg_stmt *s, const char *v, size_t n)
{
	if (s->len + n + 1 > s->cap) {
		size_t nc = s->cap ? s->cap : 1 << 16;
		char  *nb;

		while (nc < s->len + n + 1)
			nc *= 2;
		if ((nb = realloc(s->buf, nc)) == NULL)
			return false;
		s->buf = nb;
		s->cap = nc;
	}
	memcpy(s->buf + s->len, v, n);
	s->len += n;
	return true;
}

/* One row as a line: values by tabs, NULL as \N, and the characters COPY
 * reads specially (backslash, tab, newline, carriage return) escaped. */
static enum stmt_rc
pg_copy_row(struct pg_stmt *s)
{
	for (int i = 0; i < s->nparams; i++) {
		const char *v = s->vals[i];
		bool        ok = i == 0 || pg_copy_put(s, "\t", 1);

		if (v == NULL)
			ok = ok && pg_copy_put(s, "\\N", 2);
		for (; ok && v != NULL && *v != '\0'; v++) {
			size_t run = strcspn(v, "\\\t\n\r");

			ok = pg_copy_put(s, v, run);
			v += run;
			if (*v == '\0')
				break;
			ok = ok && pg_copy_put(s, *v == '\\' ? "\\\\" : *v == '\t' ? "\\t" :
			    *v == '\n' ? "\\n" : "\\r", 2);
		}
		if (!ok) {
			snprintf(s->c->err, sizeof s->c->err, "bulk rows: out of memory");
			return STMT_ERR;
		}
	}
	if (!pg_copy_put(s, "\n", 1)) {
		snprintf(s->c->err, sizeof s->c->err, "bulk rows: out of memory");
		return STMT_ERR;
	}
	return STMT_DONE;
}

static struct store_stmt *
pg_copy_prepare(struct store_conn *c, const char *table, const char *const *cols, int ncols)
{
	struct pg_stmt *s;
	size_t          size = 64 + strlen(table != NULL ? table : "");
	size_t          o;

	if (!store_name_ok(table) || ncols < 1 || ncols > PG_PARAMS_MAX) {
		snprintf(c->err, sizeof c->err, "bulk rows: bad table or too many columns");
		return NULL;
	}
	for (int i = 0; i < ncols; i++) {
		if (!store_name_ok(cols[i])) {
			snprintf(c->err, sizeof c->err, "bulk rows: bad column name");
			return NULL;
		}
		size += strlen(cols[i]) + 2;
	}
	if ((s = calloc(1, sizeof *s)) == NULL || (s->copy_sql = malloc(size)) == NULL) {
		free(s);
		snprintf(c->err, sizeof c->err, "out of memory");
		return NULL;
	}
	o = (size_t)snprintf(s->copy_sql, size, "COPY %s (", table);
	for (int i = 0; i < ncols; i++)
		o += (size_t)snprintf(s->copy_sql + o, size - o, "%s%s", i > 0 ? ", " : "", cols[i]);
	snprintf(s->copy_sql + o, size - o, ") FROM STDIN");
	s->base.drv = &store_driver_pg;
	s->c = c;
	s->copy = true;
	s->nparams = ncols;
	s->row = -1;
	return &s->base;
}

/* The rows kept so far, in one COPY. A failure (a constraint, a lost
 * connection) drops them all: the caller's transaction is lost with them
 * and rolled back. */
static enum stmt_rc
pg_copy_flush(struct store_stmt *st)
{
	struct pg_stmt    *s = PGS(st);
	struct store_conn *c = s->c;
	PGresult          *r;
	enum stmt_rc       rc = STMT_DONE;

	if (!s->copy || s->len == 0)
		return STMT_DONE;
	r = PQexec(c->pg, s->copy_sql);
	if (PQresultStatus(r) != PGRES_COPY_IN) {
		rc = pg_result_rc(c, r);
		PQclear(r);
		s->len = 0;
		return rc == STMT_BUSY || PQstatus(c->pg) == CONNECTION_BAD ? STMT_BUSY : rc;
	}
	PQclear(r);
	if (PQputCopyData(c->pg, s->buf, (int)s->len) != 1 || PQputCopyEnd(c->pg, NULL) != 1) {
		pg_note(c, NULL);
		rc = STMT_ERR;
	}
	s->len = 0;
	while ((r = PQgetResult(c->pg)) != NULL) {
		if (PQresultStatus(r) == PGRES_COMMAND_OK)
			c->changes = strtoll(PQcmdTuples(r), NULL, 10);
		else if (rc == STMT_DONE)
			rc = pg_result_rc(c, r);
		PQclear(r);
	}
	return rc;
}

static enum stmt_rc pg_session_setup(struct store_conn *c);

/*
 * A connection the server dropped (a restart, a failover, a network cut)
 * is made again before the next statement that begins something: the
 * session settings again, and the statements prepared again as they are
 * used (a new session knows none of them). Inside a transaction nothing is
 * tried: the act in flight is lost on the server's side, and the service's
 * runner begins it again.
 */
static bool
pg_reconnect(struct store_conn *c)
{
	if (PQstatus(c->pg) == CONNECTION_OK)
		return true;
	c->stalled[0] = '\0';
	PQreset(c->pg);
	if (PQstatus(c->pg) != CONNECTION_OK) {
		pg_note(c, NULL);
		return false;
	}
	c->session++;
	return pg_session_setup(c) == STMT_DONE;
}

/* s sent once: a SELECT * planned afresh (oneshot), any other as prepared. */
static PGresult *
pg_send(struct store_conn *c, struct pg_stmt *s)
{
	return pg_deadline_result(c, s->oneshot ? PQsendQueryParams(pg_deadline_send(c), s->text,
	    s->nparams, s->types, (const char *const *)s->vals, NULL, NULL, 0) :
	    PQsendQueryPrepared(pg_deadline_send(c), s->name, s->nparams,
	    (const char *const *)s->vals, NULL, NULL, 0));
}

/*
 * Before a statement is sent: the link made again if the server dropped
 * it, and the statement prepared in the session it will run in. What the
 * counter hears:
 *  - inside a transaction the server's half of it is gone (rolled back):
 *    every statement until BEGIN or ROLLBACK is BUSY, none runs in a new
 *    session outside the transaction, and the service's runner begins the
 *    act again;
 *  - a server that cannot be reached (refused, down, no route within the
 *    connect timeout) is an error at once, not a wait for a busy writer:
 *    store_link_lost says so, and the screens say "cannot reach".
 */
static enum stmt_rc
pg_link_ready(struct store_conn *c, struct pg_stmt *s)
{
	if (PQstatus(c->pg) != CONNECTION_OK) {
		if (c->tx && !s->begin) {
			snprintf(c->err, sizeof c->err, "the connection to the database server was lost"
			    " in the middle of the act, which the server rolled back");
			return STMT_BUSY;
		}
		c->tx = false;
		if (!pg_reconnect(c)) {
			char keep[sizeof c->err];

			snprintf(keep, sizeof keep, "%s", c->err);
			snprintf(c->err, sizeof c->err, "cannot connect to the database server (%.200s)",
			    strncmp(keep, "the connection to the database server was lost: ", 48) == 0 ?
			    keep + 48 : keep);
			return STMT_ERR;
		}
	}
	if (!s->oneshot && s->session != c->session && !pg_prepare_now(c, s)) {
		if (PQstatus(c->pg) == CONNECTION_BAD && c->stalled[0] == '\0')
			return STMT_BUSY;
		if (c->stalled[0] != '\0')
			c->tx = false;   /* as a stalled statement (pg_step) */
		return STMT_ERR;
	}
	return STMT_DONE;
}

/*
 * After a statement was sent: whether to send it once more on a link made
 * again, because it found the link dead and ran nothing. That is BEGIN or
 * ROLLBACK (they write nothing), or any statement outside a transaction
 * that the server refused by ending the session (57P01..57P03: an
 * administrator's pg_terminate_backend, a shutdown): the usual way a
 * counter idle over lunch finds its connection gone.
 */
static bool
pg_link_again(struct store_conn *c, struct pg_stmt *s)
{
	const char *state;
	ExecStatusType st = PQresultStatus(s->res);

	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK || PQstatus(c->pg) != CONNECTION_BAD ||
	    c->stalled[0] != '\0')
		return false;
	state = PQresultErrorField(s->res, PG_DIAG_SQLSTATE);
	if (!s->begin && (c->tx || state == NULL || strncmp(state, "57P0", 4) != 0))
		return false;
	c->tx = false;
	if (!pg_reconnect(c) || (!s->oneshot && s->session != c->session &&
	    !pg_prepare_now(c, s)))
		return false;
	PQclear(s->res);
	s->res = NULL;
	return true;
}

static enum stmt_rc
pg_step(struct store_stmt *st)
{
	struct pg_stmt    *s = PGS(st);
	struct store_conn *c = s->c;
	ExecStatusType     status;

	if (s->copy)
		return pg_copy_row(s);
	if (s->res == NULL && !s->done) {
		enum stmt_rc rc = pg_link_ready(c, s);

		if (rc == STMT_DONE) {
			s->res = pg_send(c, s);
			if (pg_link_again(c, s))
				s->res = pg_send(c, s);
		}
		if (rc != STMT_DONE) {
			s->done = true;
			return rc;
		}
		status = PQresultStatus(s->res);
		if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
			rc = pg_result_rc(c, s->res);
			pg_clear_result(s);
			s->done = true;
			if (PQstatus(c->pg) == CONNECTION_BAD) {
				/* Lost with the act in flight: nothing of it was
				 * committed, so it may run again; lost at COMMIT, nobody
				 * knows whether it was, and it must not. */
				if (s->commit) {
					char keep[sizeof c->err];

					/* over, one way or the other: no ROLLBACK follows */
					c->tx = false;
					snprintf(keep, sizeof keep, "%s", c->err);
					snprintf(c->err, sizeof c->err, "%.150s; whether the last act was"
					    " recorded is unknown: look it up before doing it again", keep);
					return STMT_ERR;
				}
				if (c->stalled[0] != '\0') {
					/* a stall: a new try would wait as long again, so the
					 * act ends here, with no ROLLBACK to send */
					c->tx = false;
					return STMT_ERR;
				}
				return STMT_BUSY;
			}
			return rc;
		}
		if (s->begin || s->commit)
			c->tx = strncmp(s->text, "BEGIN", 5) == 0;
		c->changes = strtoll(PQcmdTuples(s->res), NULL, 10);
		s->nrows = status == PGRES_TUPLES_OK ? PQntuples(s->res) : 0;
		s->row = -1;
	}
	if (s->res == NULL || s->row + 1 >= s->nrows) {
		s->row = s->nrows;
		return STMT_DONE;
	}
	s->row++;
	return STMT_ROW;
}

static void
pg_bind(struct store_stmt *st, int i, char *v)
{
	struct pg_stmt *s = PGS(st);

	if (i < 1 || i > s->nparams) {
		free(v);
		return;
	}
	free(s->vals[i - 1]);
	s->vals[i - 1] = v;
}

static void
pg_bind_null(struct store_stmt *s, int i)
{
	pg_bind(s, i, NULL);
}

static void
pg_bind_int64(struct store_stmt *s, int i, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", (long long)v);
	pg_bind(s, i, strdup(buf));
}

/* Always copied: the text goes to the server at the first step. */
static void
pg_bind_text(struct store_stmt *s, int i, const char *v, bool keep)
{
	(void)keep;
	pg_bind(s, i, v != NULL ? strdup(v) : NULL);
}

/* An id is text here (the same text SQLite's bytes read as). */
static void
pg_bind_uuid(struct store_stmt *s, int i, const char *v)
{
	uint8_t b[16];

	pg_bind(s, i, store_uuid_bytes(v, b) ? strdup(v) : NULL);
}

static bool
pg_has_row(struct pg_stmt *s, int i)
{
	return s->res != NULL && s->row >= 0 && s->row < s->nrows && i >= 0 &&
	    i < PQnfields(s->res);
}

static int
pg_col_count(struct store_stmt *st)
{
	struct pg_stmt *s = PGS(st);

	return s->res != NULL ? PQnfields(s->res) : 0;
}

static const char *
pg_col_name(struct store_stmt *st, int i)
{
	struct pg_stmt *s = PGS(st);

	return s->res != NULL && i >= 0 && i < PQnfields(s->res) ? PQfname(s->res, i) : NULL;
}

static enum stmt_type
pg_col_type(struct store_stmt *st, int i)
{
	struct pg_stmt *s = PGS(st);

	if (!pg_has_row(s, i) || PQgetisnull(s->res, s->row, i))
		return STMT_NULL;
	switch (PQftype(s->res, i)) {
	case PG_OID_BOOL:
	case PG_OID_INT2:
	case PG_OID_INT4:
	case PG_OID_INT8:
		return STMT_INTEGER;
	case PG_OID_NUMERIC:
		/* sum() of bigints is numeric; a whole number is SQLite's integer */
		return strchr(PQgetvalue(s->res, s->row, i), '.') != NULL ? STMT_FLOAT :
		    STMT_INTEGER;
	case PG_OID_FLOAT4:
	case PG_OID_FLOAT8:
		return STMT_FLOAT;
	case PG_OID_BYTEA:
		return STMT_BLOB;
	default:
		return STMT_TEXT;
	}
}

static const char *
pg_col_text(struct store_stmt *st, int i)
{
	struct pg_stmt *s = PGS(st);
	const char     *v;

	if (!pg_has_row(s, i) || PQgetisnull(s->res, s->row, i))
		return NULL;
	v = PQgetvalue(s->res, s->row, i);
	if (PQftype(s->res, i) == PG_OID_BOOL)
		return v[0] == 't' ? "1" : "0";
	return v;
}

static int64_t
pg_col_int64(struct store_stmt *st, int i)
{
	const char *v = pg_col_text(st, i);

	return v != NULL ? strtoll(v, NULL, 10) : 0;
}

static int64_t
pg_changes(struct store_conn *c)
{
	return c->changes;
}

static bool
pg_link_lost(struct store_conn *c)
{
	return PQstatus(c->pg) == CONNECTION_BAD;
}

static bool
pg_in_tx(struct store_conn *c)
{
	PGTransactionStatusType t = PQtransactionStatus(c->pg);

	/* UNKNOWN: the connection is gone, and its transaction with it */
	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

static enum stmt_rc
pg_exec(struct store_conn *c, const char *script)
{
	PGresult      *r = pg_deadline_result(c, PQsendQuery(pg_deadline_send(c), script));
	ExecStatusType status = PQresultStatus(r);
	enum stmt_rc   rc = STMT_DONE;

	if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
		rc = pg_result_rc(c, r);
	else
		c->changes = strtoll(PQcmdTuples(r), NULL, 10);
	PQclear(r);
	return rc;
}

/* ---- the connection ---- */

/* NOTICEs (a role that already exists, an index skipped) are for psql's
 * user, not for a clerk's screen. */
static void
pg_quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* The target as a message may show it: a URI's password replaced. */
static void
pg_target_shown(const char *target, char *buf, size_t size)
{
	const char *at = strchr(target, '@'), *scheme = strstr(target, "://");
	const char *colon;

	snprintf(buf, size, "%s", target);
	if (scheme == NULL || at == NULL)
		return;
	colon = memchr(scheme + 3, ':', (size_t)(at - (scheme + 3)));
	if (colon != NULL)
		snprintf(buf, size, "%.*s:***%s", (int)(colon - target), target, at);
}

static void
pg_disconnect(struct store_conn *c)
{
	if (c == NULL)
		return;
	PQfinish(c->pg);
	free(c);
}

/* What every session of the store sets: the schema, and bounds on waiting
 * so that a counter hears within seconds that something is wrong, rather
 * than hanging on a lock or a stuck transaction. The bounds are defaults:
 * one that the target's options, PGOPTIONS or the role's or database's
 * settings (ALTER ROLE … SET statement_timeout) already gave wins, so that
 * an administrator sets them once on the server for every counter. */
static enum stmt_rc
pg_session_setup(struct store_conn *c)
{
	enum stmt_rc rc = pg_exec(c, "SET client_encoding = 'UTF8'; SET search_path = " PG_SCHEMA ";"
	    " SET idle_in_transaction_session_timeout = '60s';"
	    " SELECT set_config('statement_timeout', '30s', false)"
	    " WHERE current_setting('statement_timeout') = '0';"
	    " SELECT set_config('lock_timeout', '10s', false)"
	    " WHERE current_setting('lock_timeout') = '0'");

	return rc == STMT_DONE ? pg_deadline_learn(c) : rc;
}

/* One row, one column of a query without parameters: NULL when there is no
 * row or on error (c->err says which). */
static PGresult *
pg_query1(struct store_conn *c, const char *sql)
{
	PGresult *r = pg_deadline_result(c, PQsendQuery(pg_deadline_send(c), sql));

	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_result_rc(c, r);
		PQclear(r);
		return NULL;
	}
	return r;
}

/* Whether the schema exists and how many tables it holds (-1: error). */
static int
pg_schema_tables(struct store_conn *c, bool *exists)
{
	PGresult *r = pg_query1(c, "SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = '"
	    PG_SCHEMA "'), (SELECT count(*) FROM pg_tables WHERE schemaname = '" PG_SCHEMA "')");
	int       n;

	*exists = false;
	if (r == NULL)
		return -1;
	*exists = strcmp(PQgetvalue(r, 0, 0), "0") != 0;
	n = atoi(PQgetvalue(r, 0, 1));
	PQclear(r);
	return n;
}

static enum store_rc
pg_connect(const char *target, bool create, bool raw, struct store_conn **out, char *err,
           size_t errlen)
{
	/* Defaults first, the target after them: what the URI or the service
	 * file says wins. A counter learns of a lost server within seconds
	 * (connect timeout, TCP keepalives), and no statement waits forever. */
	static const char *const keys[] = { "connect_timeout", "keepalives", "keepalives_idle",
		"keepalives_interval", "keepalives_count", "application_name", "dbname", NULL };
	const char   *vals[] = { "5", "1", "10", "5", "3", "jzz", target, NULL };
	struct store_conn *c = calloc(1, sizeof *c);
	char          shown[512];
	bool          exists;
	int           ntables;

	*out = NULL;
	pg_target_shown(target, shown, sizeof shown);
	if (c == NULL) {
		snprintf(err, errlen, "out of memory");
		return STORE_ERR;
	}
	c->pg = PQconnectdbParams(keys, vals, 1);
	if (c->pg == NULL || PQstatus(c->pg) != CONNECTION_OK) {
		snprintf(err, errlen, "cannot connect to the database server %.200s: %.200s", shown,
		    c->pg != NULL ? PQerrorMessage(c->pg) : "out of memory");
		err[strcspn(err, "\n")] = '\0';
		pg_disconnect(c);
		return STORE_ERR;
	}
	PQsetNoticeProcessor(c->pg, pg_quiet, NULL);
	c->deadline_ms = PG_DEADLINE_DEFAULT_MS;
	if (pg_session_setup(c) != STMT_DONE)
		goto fail;
	if (raw)
		goto done;
	if ((ntables = pg_schema_tables(c, &exists)) < 0)
		goto fail;
	if (create) {
		if (ntables > 0) {
			snprintf(err, errlen, "%.200s: the schema " PG_SCHEMA " already holds data",
			    shown);
			pg_disconnect(c);
			return STORE_EXISTS;
		}
		if (!exists) {
			if (pg_exec(c, "CREATE SCHEMA " PG_SCHEMA) != STMT_DONE)
				goto fail;
			c->made_schema = true;
		}
	} else if (!exists || ntables == 0) {
		snprintf(err, errlen, "%.200s: no jzz store there (run `jzz init` first)", shown);
		pg_disconnect(c);
		return STORE_NOTFOUND;
	}
done:
	*out = c;
	return STORE_OK;
fail:
	snprintf(err, errlen, "%.200s: %.200s", shown, c->err);
	pg_disconnect(c);
	return STORE_ERR;
}

/* The schema was built in one transaction (store_migrate_to): ok keeps it;
 * otherwise what init made goes again, and a schema an administrator made
 * for jzz stays, empty as it was. */
static enum store_rc
pg_publish(struct store_conn *c, bool ok, char *err, size_t errlen)
{
	enum store_rc rc = STORE_OK;

	if (!ok) {
		if (pg_in_tx(c))
			pg_exec(c, "ROLLBACK");
		if (c->made_schema && pg_exec(c, "DROP SCHEMA " PG_SCHEMA " CASCADE") != STMT_DONE) {
			snprintf(err, errlen, "%s", c->err);
			rc = STORE_ERR;
		} else
			rc = STORE_ERR;
	}
	pg_disconnect(c);
	return rc;
}

/* ---- the schema ---- */

static int
pg_version(struct store_conn *c)
{
	PGresult *r;
	int       v = 0;

	/* to_regclass: no error (which would end the caller's transaction)
	 * when the table is not there */
	if ((r = pg_query1(c, "SELECT to_regclass('" PG_SCHEMA ".meta') IS NOT NULL")) == NULL)
		return -1;
	if (PQgetvalue(r, 0, 0)[0] != 't') {
		PQclear(r);
		return 0;
	}
	PQclear(r);
	if ((r = pg_query1(c, "SELECT value FROM meta WHERE key = 'schema_version'")) == NULL)
		return -1;
	if (PQntuples(r) == 1)
		v = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return v;
}

static enum store_rc
pg_is_owner(struct store_conn *c, bool *out, char *err, size_t errlen)
{
	PGresult *r = pg_query1(c, "SELECT pg_has_role(current_user, nspowner, 'USAGE')"
	    " FROM pg_namespace WHERE nspname = '" PG_SCHEMA "'");

	*out = false;
	if (r == NULL) {
		snprintf(err, errlen, "%s", c->err);
		return STORE_ERR;
	}
	*out = PQntuples(r) == 1 && PQgetvalue(r, 0, 0)[0] == 't';
	PQclear(r);
	return STORE_OK;
}

/* A name of letters, digits, '.', '_' and '-' from any text. */
static void
pg_key_word(const char *s, char *buf, size_t size)
{
	size_t o = 0;

	for (; s != NULL && *s != '\0' && o + 1 < size; s++)
		buf[o++] = (char)((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' || *s == '-' ? *s : '_');
	buf[o] = '\0';
}

/*
 * ${XDG_CONFIG_HOME:-~/.config}/jzz/pg-HOST-PORT-DBNAME.key (or
 * pg-service-NAME.key), the folder made private if it is not there: every
 * host whose counters write to the same store needs the same key there
 * (docs/deploy.md), or names it by audit_key_file in jzz.conf.
 */
static bool
pg_default_key_path(const char *target, char *buf, size_t size)
{
	PQconninfoOption *opts = PQconninfoParse(target, NULL);
	const char       *host = NULL, *port = NULL, *db = NULL, *service = NULL, *user = NULL;
	const char       *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char              dir[4096], a[128], b[32], d[128];
	int               n;

	if (opts == NULL)
		return false;
	for (PQconninfoOption *o = opts; o->keyword != NULL; o++) {
		if (o->val == NULL || *o->val == '\0')
			continue;
		if (strcmp(o->keyword, "host") == 0 || (strcmp(o->keyword, "hostaddr") == 0 &&
		    host == NULL))
			host = o->val;
		else if (strcmp(o->keyword, "port") == 0)
			port = o->val;
		else if (strcmp(o->keyword, "dbname") == 0)
			db = o->val;
		else if (strcmp(o->keyword, "service") == 0)
			service = o->val;
		else if (strcmp(o->keyword, "user") == 0)
			user = o->val;
	}
	if (xdg != NULL && *xdg == '/')
		n = snprintf(dir, sizeof dir, "%s/jzz", xdg);
	else if (home != NULL && *home == '/')
		n = snprintf(dir, sizeof dir, "%s/.config/jzz", home);
	else
		n = -1;
	if (n > 0 && (size_t)n < sizeof dir) {
		/* the parent, then the folder of keys, both private when made */
		char *slash = strrchr(dir, '/');

		*slash = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			n = -1;
		*slash = '/';
		if (n > 0 && mkdir(dir, 0700) != 0 && errno != EEXIST)
			n = -1;
	}
	if (n > 0 && service != NULL && host == NULL && db == NULL) {
		pg_key_word(service, a, sizeof a);
		n = snprintf(buf, size, "%s/pg-service-%s.key", dir, a);
	} else if (n > 0) {
		if (host == NULL)
			host = getenv("PGHOST");
		if (port == NULL)
			port = getenv("PGPORT");
		if (db == NULL)
			db = getenv("PGDATABASE");
		if (db == NULL)
			db = user != NULL ? user : getenv("PGUSER");
		pg_key_word(host != NULL ? host : "local", a, sizeof a);
		pg_key_word(port != NULL ? port : "5432", b, sizeof b);
		pg_key_word(db != NULL ? db : "postgres", d, sizeof d);
		n = snprintf(buf, size, "%s/pg-%s-%s-%s.key", dir, a, b, d);
	}
	PQconninfoFree(opts);
	return n > 0 && (size_t)n < size;
}

const struct store_driver store_driver_pg = {
	.name = "postgresql",
	.claims = pg_claims,
	.connect = pg_connect,
	.publish = pg_publish,
	.disconnect = pg_disconnect,
	.errmsg = pg_errmsg,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.reset = pg_reset,
	.step = pg_step,
	.bind_null = pg_bind_null,
	.bind_int64 = pg_bind_int64,
	.bind_text = pg_bind_text,
	.bind_uuid = pg_bind_uuid,
	.col_count = pg_col_count,
	.col_name = pg_col_name,
	.col_type = pg_col_type,
	.col_int64 = pg_col_int64,
	.col_text = pg_col_text,
	.changes = pg_changes,
	.in_tx = pg_in_tx,
	.link_lost = pg_link_lost,
	.sql_begin = "BEGIN ISOLATION LEVEL SERIALIZABLE",
	.version = pg_version,
	.schema_base = store_pg_schema,
	.schema_base_version = 7,
	.migrations = store_pg_migrations,
	.sql_after_schema = store_pg_grants,
	.mark_get = NULL,
	.mark_set = NULL,
	.sql_audit_guards = store_pg_audit_guards,
	.audit_guards = 2,
	.sql_audit_wipe = store_pg_audit_wipe,
	.is_owner = pg_is_owner,
	.backup = NULL,
	.integrity = NULL,
	.default_key_path = pg_default_key_path,
	.bulk = NULL,
	.sql_bulk_indexes =
	    "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = '" PG_SCHEMA "'"
	    " AND i.tablename IN ('persons', 'applications', 'application_rules', 'registrations',"
	    " 'permits', 'cards', 'endorsements', 'changes', 'fees', 'sms_outbox')"
	    " AND NOT EXISTS (SELECT 1 FROM pg_constraint k JOIN pg_namespace n"
	    " ON n.oid = k.connamespace WHERE n.nspname = '" PG_SCHEMA "'"
	    " AND k.conname = i.indexname) ORDER BY i.indexname",
	.sql_bulk_begin = "BEGIN; SET CONSTRAINTS ALL DEFERRED",
	.sql_analyze = "ANALYZE",
	.sql_fk_check = NULL,
	.sql_checks_verify = NULL,
	.copy_prepare = pg_copy_prepare,
	.copy_flush = pg_copy_flush,
	/* SQLite numbers max+1; an identity keeps its own counter, which rows
	 * given their numbers (fees, the SMS outbox, the audit log's seq, the
	 * kiosks, addresses) leave behind. ALWAYS identities (the rowid
	 * stand-ins) are never given a number and need nothing. */
	.sql_identity_sync =
	    "DO $sync$\n"
	    "DECLARE r record;\n"
	    "BEGIN\n"
	    "  FOR r IN SELECT table_name::text AS t, column_name::text AS col"
	    " FROM information_schema.columns WHERE table_schema = current_schema()"
	    " AND is_identity = 'YES' AND identity_generation = 'BY DEFAULT' LOOP\n"
	    "    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L),"
	    " coalesce((SELECT max(%I) FROM %I), 0) + 1, false)', r.t, r.col, r.col, r.t);\n"
	    "  END LOOP;\n"
	    "END\n"
	    "$sync$",
	.connect_readonly = NULL,
};
