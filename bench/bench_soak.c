/*
 * bench_soak.c: eight counters submitting for minutes against one database
 * (issue 6). Not a ctest: it runs for minutes and is run by hand or by
 * bench/run.sh.
 *
 *   bench_soak DB [SECONDS [CLERKS]]      default 30 s, 8 clerks; --full: 600 s
 *
 * DB is a SQLite file or a PostgreSQL target (postgresql://...): the same
 * clerks and checks on both (integrity_check and the WAL's size are
 * SQLite's; PostgreSQL's writers meet on rows and retry serialization
 * failures, counted as "conflicts retried").
 *
 * Why separate processes and not threads: the counters of a centre are
 * separate programs on one file; what must hold is SQLite's locking and the
 * service's retries between processes. Each clerk submits the casegen mix
 * (every business and outcome) and endorsements of persons already in the
 * file, and reports every outcome to the parent through a pipe; the parent
 * then checks, on the file: no application lost (the file holds exactly
 * the ones reported plus those that were there), no error shown to a clerk
 * (a database error, as opposed to a business refusal such as "no card
 * waiting"), receipt numbers unique and all present, the audit chain whole,
 * integrity_check ok.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "casegen.h"
#include "jzz/service.h"
#include "bench_actor.h"
#include "benchdb.h"

struct soak_msg {
	char   kind;                       /* 'A' application, 'E' error, 'R' refusal,
	                                      'T' a clerk's conflicts retried (in ms) */
	char   receipt[SERVICE_RECEIPT_LEN];
	float  ms;
};

#define SOAK_IDS 500                       /* persons of the file a clerk endorses */

static double
soak_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *const soak_centres[8] = {
	"310105001", "310105002", "310105004", "310105005", "310105006", "310105008",
	"310105009", "310105010",
};

/* The clerks of the seed ("clerk-009"), else admin at the centre. */
static int
soak_actor(struct service *s, int k, struct service_actor *a)
{
	char user[32];

	snprintf(user, sizeof user, "clerk-%s", soak_centres[k % 8] + 6);
	if (bench_actor(s, user, soak_centres[k % 8], a) == SERVICE_OK)
		return 0;
	return bench_actor(s, NULL, soak_centres[k % 8], a) == SERVICE_OK ? 0 : -1;
}

/* Next case of clerk k: the casegen mix, or an endorsement of a person of
 * the file. */
static int
soak_case(struct service *s, int k, uint64_t i, char (*ids)[19], int nids, jzz_date today,
          struct jzz_case *c)
{
	if (i % 3 == 0 && nids > 0) {
		if (service_case_for_person(s, ids[(i / 3) % (uint64_t)nids], BIZ_ENDORSEMENT, today, c) !=
		    SERVICE_OK)
			return -1;
		c->documents = DOCBIT(DOC_ID_CARD);
	} else {
		casegen_case(i * 8 + (uint64_t)k, c);
		if (c->business == BIZ_CANCELLATION)
			return -1;
	}
	c->today = today;
	return 0;
}

/* One clerk: its own process and handle; ids are its persons of the file
 * (picked by the parent before the fork: 32 clerks sorting the persons at
 * once would load the server before the first submit). */
static void
soak_clerk(const char *db, int k, double secs, jzz_date today, int fd, char (*ids)[19], int nids)
{
	char                 err[256];
	struct service      *s = service_open(db, err, sizeof err);
	struct service_actor a;
	struct jzz_case      c;
	double               end = soak_now() + secs;

	if (s == NULL || soak_actor(s, k, &a) != 0) {
		struct soak_msg m = { 'E', "", 0 };

		fprintf(stderr, "clerk %d: %s\n", k, s == NULL ? err : service_errmsg(s));
		if (write(fd, &m, sizeof m) < 0)
			_exit(1);
		_exit(1);
	}
	for (uint64_t i = 0; soak_now() < end; i++) {
		struct service_result r;
		struct soak_msg       m;
		enum service_status   st;
		double                t;

		if (soak_case(s, k, i, ids, nids, today, &c) != 0)
			continue;
		memset(&m, 0, sizeof m);
		t = soak_now();
		st = service_submit(s, &a, &c, today, &r);
		m.ms = (float)((soak_now() - t) * 1e3);
		if (st == SERVICE_OK) {
			m.kind = 'A';
			snprintf(m.receipt, sizeof m.receipt, "%s", r.receipt_no);
		} else if (st == SERVICE_ERR_STATE || st == SERVICE_ERR_NOT_FOUND ||
		    st == SERVICE_ERR_INVALID) {
			m.kind = 'R';       /* the business cannot be done: shown as such, not an error */
		} else {
			m.kind = 'E';
			fprintf(stderr, "clerk %d: %s: %s\n", k, service_status_code(st), service_errmsg(s));
		}
		if (write(fd, &m, sizeof m) != (ssize_t)sizeof m)
			_exit(1);
	}
	{
		struct soak_msg m = { 'T', "", (float)service_tx_retries(s) };

		if (write(fd, &m, sizeof m) != (ssize_t)sizeof m)
			_exit(1);
	}
	service_close(s);
	_exit(0);
}

static int
soak_cmpf(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;

	return x < y ? -1 : x > y;
}

static int
soak_cmps(const void *a, const void *b)
{
	return strcmp(a, b);
}

int
main(int argc, char **argv)
{
	const char          *db;
	double               secs = 30;
	int                  clerks = 8, fds[2], status, bad = 0;
	jzz_date             today;
	long                 before, after, apps = 0, errors = 0, refusals = 0, dup = 0, missing = 0;
	size_t               cap = 1 << 16, nrec = 0, nlat = 0, latcap = 1 << 16;
	char               (*rec)[SERVICE_RECEIPT_LEN] = malloc(cap * SERVICE_RECEIPT_LEN);
	float               *lat = malloc(latcap * sizeof *lat);
	struct soak_msg      m;
	struct benchdb      *h;
	char               (*ids)[19];
	int                  nids;
	long                 retries = 0;
	bool                 pg = false;
	struct service      *s;
	struct service_actor adm;
	struct service_audit_check chk;
	char                 err[256];
	double               t0;
	time_t               now = time(NULL);
	struct tm            tm;
	ssize_t              got;
	int                  ai = 1;
	char                 walpath[4200];
	off_t                walmax = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_soak DB [SECONDS|--full [CLERKS]]\n");
		return 2;
	}
	db = argv[ai++];
	if (ai < argc)
		secs = strcmp(argv[ai], "--full") == 0 ? 600 : atof(argv[ai]);
	ai++;
	if (ai < argc)
		clerks = atoi(argv[ai]);
	localtime_r(&now, &tm);
	today = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	if (getenv("JZZ_TODAY") != NULL)
		date_parse(getenv("JZZ_TODAY"), strlen(getenv("JZZ_TODAY")), &today);

	pg = benchdb_is_pg(db);
	ids = calloc((size_t)clerks * SOAK_IDS, sizeof *ids);
	if ((h = benchdb_open(db)) == NULL || ids == NULL)
		return 1;
	before = benchdb_count(h, "SELECT count(*) FROM applications", NULL);
	nids = benchdb_ids(h, ids, clerks * SOAK_IDS, 7919u);
	benchdb_close(h);

	if (pipe(fds) != 0 || rec == NULL || lat == NULL)
		return 1;
	snprintf(walpath, sizeof walpath, "%s-wal", db);
	t0 = soak_now();
	for (int k = 0; k < clerks; k++) {
		pid_t pid = fork();

		if (pid == 0) {
			close(fds[0]);
			soak_clerk(db, k, secs, today, fds[1], ids + (nids / clerks) * k,
			    nids / clerks);
		}
	}
	close(fds[1]);
	/* pipe writes of < PIPE_BUF bytes are atomic: messages never interleave */
	while ((got = read(fds[0], &m, sizeof m)) == (ssize_t)sizeof m) {
		if (nlat == latcap) {
			latcap *= 2;
			lat = realloc(lat, latcap * sizeof *lat);
		}
		if (m.kind == 'E') {
			errors++;
			continue;
		}
		if (m.kind == 'T') {
			retries += (long)m.ms;
			continue;
		}
		lat[nlat++] = m.ms;
		if (nlat % 256 == 0) {
			/* the log must stay bounded under the nonstop stream */
			struct stat sb;

			if (!pg && stat(walpath, &sb) == 0 && sb.st_size > walmax)
				walmax = sb.st_size;
		}
		if (m.kind == 'R') {
			refusals++;
			continue;
		}
		apps++;
		if (m.receipt[0] != '\0') {
			if (nrec == cap) {
				cap *= 2;
				rec = realloc(rec, cap * SERVICE_RECEIPT_LEN);
			}
			snprintf(rec[nrec++], SERVICE_RECEIPT_LEN, "%s", m.receipt);
		}
	}
	while (wait(&status) > 0)
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			bad++;
	printf("soak: %d clerks, %.0f s, %ld applications (%.0f/s), %ld refused by state,"
	    " %ld errors, %d clerks died\n", clerks, soak_now() - t0, apps,
	    (double)apps / (soak_now() - t0), refusals, errors, bad);
	qsort(lat, nlat, sizeof *lat, soak_cmpf);
	if (nlat > 0)
		printf("soak: submit latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
		    (double)lat[nlat / 2], (double)lat[(size_t)((double)(nlat - 1) * 0.99)],
		    (double)lat[nlat - 1]);
	printf("soak: conflicts retried %ld (%.2f%% of businesses)\n", retries,
	    nlat > 0 ? 100.0 * (double)retries / (double)nlat : 0.0);
	if (!pg)
		printf("soak: largest WAL seen %.1f MB\n", (double)walmax / 1048576.0);

	qsort(rec, nrec, SERVICE_RECEIPT_LEN, soak_cmps);
	for (size_t i = 1; i < nrec; i++)
		dup += strcmp(rec[i - 1], rec[i]) == 0;
	if ((h = benchdb_open(db)) == NULL)
		return 1;
	after = benchdb_count(h, "SELECT count(*) FROM applications", NULL);
	for (size_t i = 0; i < nrec; i++)
		if (benchdb_count(h, "SELECT count(*) FROM applications WHERE receipt_no = ?1",
		    rec[i]) != 1)
			missing++;
	printf("soak: applications in the file %ld -> %ld (+%ld, reported %ld): lost %ld;"
	    " receipts %zu, duplicates %ld, missing %ld\n", before, after, after - before, apps,
	    apps - (after - before), nrec, dup, missing);
	/* SOAK_INTEGRITY=0: not on a file of gigabytes after every run of a
	 * series (bench/run.sh --pg runs it once, after the last) */
	if (!pg && (getenv("SOAK_INTEGRITY") == NULL || strcmp(getenv("SOAK_INTEGRITY"), "0") != 0)) {
		char res[256] = "?";

		benchdb_text(h, "PRAGMA integrity_check", res, sizeof res);
		printf("soak: integrity_check %s\n", res);
		if (strcmp(res, "ok") != 0)
			bad++;
	}
	benchdb_close(h);
	s = service_open(db, err, sizeof err);
	if (s == NULL || bench_actor(s, NULL, NULL, &adm) != SERVICE_OK ||
	    service_audit_verify(s, &adm, 0, NULL, &chk) != SERVICE_OK) {
		printf("soak: audit verify could not run: %s\n", s == NULL ? err : service_errmsg(s));
		return 1;
	}
	printf("soak: audit chain %s, %ld entries%s%s\n", chk.ok ? "verifies" : "BROKEN", chk.entries,
	    chk.ok ? "" : ": ", chk.reason);
	service_close(s);
	free(rec);
	free(lat);
	free(ids);
	return bad == 0 && errors == 0 && dup == 0 && missing == 0 && after - before == apps && chk.ok ?
	    0 : 1;
}
