/*
 * bench_kill.c: SIGKILL at random moments during submits (issue 6). Not a
 * ctest: run by hand or by bench/run.sh.
 *
 *   bench_kill DB [KILLS]           default 20 kills; --full: 200
 *
 * Why: a counter's PC loses power or is killed mid-business; what was
 * reported to the clerk (a receipt number printed) must be in the file, and
 * the file must be sound. Each round starts a clerk process that submits
 * without pause and writes each receipt to a pipe only after service_submit
 * returned (committed); the parent kills it after a random 5-300 ms, then
 * opens the file: PRAGMA integrity_check must say ok and every receipt ever
 * reported must be there, exactly once. At the end the audit chain is
 * verified.
 */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "casegen.h"
#include "jzz/service.h"
#include "bench_actor.h"

struct kill_msg {
	char receipt[SERVICE_RECEIPT_LEN];
};

static void
kill_clerk(const char *db, int round, jzz_date today, int fd)
{
	char                 err[256];
	struct service      *s = service_open(db, err, sizeof err);
	struct service_actor a;
	struct jzz_case      c;

	if (s == NULL || bench_actor(s, NULL, "310105009", &a) != SERVICE_OK)
		_exit(1);
	for (uint64_t i = (uint64_t)round * 1000003u;; i++) {
		struct service_result r;
		struct kill_msg       m;

		casegen_case(i, &c);
		if (c.business == BIZ_CANCELLATION)
			continue;
		c.today = today;
		if (service_submit(s, &a, &c, today, &r) != SERVICE_OK || r.receipt_no[0] == '\0')
			continue;
		memset(&m, 0, sizeof m);
		snprintf(m.receipt, sizeof m.receipt, "%s", r.receipt_no);
		if (write(fd, &m, sizeof m) != (ssize_t)sizeof m)
			_exit(1);
	}
}

static int
kill_cmps(const void *a, const void *b)
{
	return strcmp(a, b);
}

int
main(int argc, char **argv)
{
	const char          *db;
	int                  kills = 20, bad_integrity = 0;
	long                 missing = 0, dup = 0;
	size_t               cap = 1 << 14, nrec = 0;
	char               (*rec)[SERVICE_RECEIPT_LEN] = malloc(cap * SERVICE_RECEIPT_LEN);
	jzz_date             today;
	time_t               now = time(NULL);
	struct tm            tm;
	sqlite3             *h;
	sqlite3_stmt        *q, *ic;
	struct service      *s;
	struct service_actor adm;
	struct service_audit_check chk;
	char                 err[256];

	if (argc < 2) {
		fprintf(stderr, "usage: bench_kill DB [KILLS|--full]\n");
		return 2;
	}
	db = argv[1];
	if (argc > 2)
		kills = strcmp(argv[2], "--full") == 0 ? 200 : atoi(argv[2]);
	localtime_r(&now, &tm);
	today = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	if (getenv("JZZ_TODAY") != NULL)
		date_parse(getenv("JZZ_TODAY"), strlen(getenv("JZZ_TODAY")), &today);
	srand((unsigned)now);
	for (int k = 0; k < kills; k++) {
		int             fds[2], status;
		pid_t           pid;
		struct kill_msg m;
		const char     *res = "?";

		if (pipe(fds) != 0)
			return 1;
		pid = fork();
		if (pid == 0) {
			close(fds[0]);
			kill_clerk(db, k, today, fds[1]);
		}
		close(fds[1]);
		usleep((useconds_t)(5000 + rand() % 295000));
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		while (read(fds[0], &m, sizeof m) == (ssize_t)sizeof m) {
			if (nrec == cap) {
				cap *= 2;
				rec = realloc(rec, cap * SERVICE_RECEIPT_LEN);
			}
			snprintf(rec[nrec++], SERVICE_RECEIPT_LEN, "%s", m.receipt);
		}
		close(fds[0]);
		/* the file after the kill: sound, and every receipt reported so far in it */
		if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
			return 1;
		sqlite3_busy_timeout(h, 10000);
		sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &ic, NULL);
		if (sqlite3_step(ic) == SQLITE_ROW)
			res = (const char *)sqlite3_column_text(ic, 0);
		if (strcmp(res, "ok") != 0) {
			printf("kill %d: integrity_check: %s\n", k + 1, res);
			bad_integrity++;
		}
		sqlite3_finalize(ic);
		sqlite3_prepare_v2(h, "SELECT count(*) FROM applications WHERE receipt_no = ?1", -1, &q, NULL);
		for (size_t i = 0; i < nrec; i++) {
			sqlite3_bind_text(q, 1, rec[i], -1, SQLITE_STATIC);
			if (sqlite3_step(q) != SQLITE_ROW || sqlite3_column_int(q, 0) != 1) {
				printf("kill %d: receipt %s reported but not in the file\n", k + 1, rec[i]);
				missing++;
			}
			sqlite3_reset(q);
		}
		sqlite3_finalize(q);
		sqlite3_close(h);
		if ((k + 1) % 20 == 0) {
			printf("kill: %d kills, %zu receipts reported, integrity failures %d, missing %ld\n",
			    k + 1, nrec, bad_integrity, missing);
			fflush(stdout);
		}
	}
	qsort(rec, nrec, SERVICE_RECEIPT_LEN, kill_cmps);
	for (size_t i = 1; i < nrec; i++)
		dup += strcmp(rec[i - 1], rec[i]) == 0;
	s = service_open(db, err, sizeof err);
	if (s == NULL || bench_actor(s, NULL, NULL, &adm) != SERVICE_OK ||
	    service_audit_verify(s, &adm, 0, NULL, &chk) != SERVICE_OK) {
		printf("kill: audit verify could not run: %s\n", s == NULL ? err : service_errmsg(s));
		return 1;
	}
	printf("kill: %d SIGKILLs, %zu receipts reported, integrity_check failures %d, receipts"
	    " missing %ld, duplicates %ld, audit chain %s (%ld entries)\n", kills, nrec, bad_integrity,
	    missing, dup, chk.ok ? "verifies" : "BROKEN", chk.entries);
	service_close(s);
	free(rec);
	return bad_integrity == 0 && missing == 0 && dup == 0 && chk.ok ? 0 : 1;
}
