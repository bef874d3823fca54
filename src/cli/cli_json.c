/*
 * cli_json.c: the commands' JSON result writer (see cli_json.h).
 *
 * Why a writer rather than printf formats: a dozen commands wrote the same
 * members by hand, each placing its own commas and choosing per field
 * whether to escape; one writer places every comma and escapes every
 * string, so a record field can never break the object it is in.
 */
#include "cli_json.h"
#include "cli_service.h"

void
cli_json_start_in(struct cli_json *j, struct strbuf *sb)
{
	strbuf_init(&j->own);
	j->sb = sb;
	j->depth = 0;
	j->more[0] = false;
}

void
cli_json_start(struct cli_json *j)
{
	cli_json_start_in(j, &j->own);
	j->sb = &j->own;
}

void
cli_json_resume(struct cli_json *j)
{
	j->close[0] = '}';
	j->more[0] = true;
	j->depth = 1;
}

int
cli_json_print(struct cli_json *j)
{
	int rc = cli_print(j->sb);

	strbuf_free(j->sb);
	return rc;
}

/* The comma before a value when its container holds one already, and the
 * member's key. */
static void
cli_json_key(struct cli_json *j, const char *key)
{
	if (j->depth > 0) {
		if (j->more[j->depth - 1])
			strbuf_putc(j->sb, ',');
		j->more[j->depth - 1] = true;
	}
	if (key != NULL) {
		strbuf_putc(j->sb, '"');
		strbuf_puts(j->sb, key);
		strbuf_add(j->sb, "\":", 2);
	}
}

static void
cli_json_open(struct cli_json *j, const char *key, char open, char close)
{
	cli_json_key(j, key);
	strbuf_putc(j->sb, open);
	if (j->depth >= CLI_JSON_DEPTH) {   /* a writer bug: the output is cut, said as OOM */
		j->sb->oom = true;
		return;
	}
	j->close[j->depth] = close;
	j->more[j->depth] = false;
	j->depth++;
}

void
cli_json_object(struct cli_json *j, const char *key)
{
	cli_json_open(j, key, '{', '}');
}

void
cli_json_array(struct cli_json *j, const char *key)
{
	cli_json_open(j, key, '[', ']');
}

void
cli_json_end(struct cli_json *j)
{
	if (j->depth == 0)
		return;
	j->depth--;
	strbuf_putc(j->sb, j->close[j->depth]);
}

void
cli_json_objects(struct cli_json *j, const char *key, const void *items, size_t n, size_t size,
                 void (*members)(struct cli_json *j, const void *item))
{
	cli_json_array(j, key);
	for (size_t i = 0; i < n; i++) {
		cli_json_object(j, NULL);
		members(j, (const char *)items + i * size);
		cli_json_end(j);
	}
	cli_json_end(j);
}

bool
cli_json_object_if(struct cli_json *j, const char *key, bool present)
{
	if (present)
		cli_json_object(j, key);
	else
		cli_json_null(j, key);
	return present;
}

void
cli_json_str(struct cli_json *j, const char *key, const char *v)
{
	cli_json_key(j, key);
	strbuf_json_string(j->sb, v);
}

void
cli_json_str_or_null(struct cli_json *j, const char *key, const char *v)
{
	if (v[0] == '\0')
		cli_json_null(j, key);
	else
		cli_json_str(j, key, v);
}

void
cli_json_int(struct cli_json *j, const char *key, long long v)
{
	cli_json_key(j, key);
	strbuf_printf(j->sb, "%lld", v);
}

void
cli_json_fixed(struct cli_json *j, const char *key, double v, int decimals)
{
	cli_json_key(j, key);
	strbuf_printf(j->sb, "%.*f", decimals, v);
}

void
cli_json_bool(struct cli_json *j, const char *key, bool v)
{
	cli_json_key(j, key);
	strbuf_puts(j->sb, v ? "true" : "false");
}

void
cli_json_null(struct cli_json *j, const char *key)
{
	cli_json_key(j, key);
	strbuf_puts(j->sb, "null");
}

void
cli_json_day(struct cli_json *j, const char *key, jzz_date d)
{
	char buf[JZZ_DATE_STRLEN];

	if (d == JZZ_DATE_NONE) {
		cli_json_null(j, key);
		return;
	}
	date_format(d, buf);
	cli_json_key(j, key);
	strbuf_putc(j->sb, '"');
	strbuf_puts(j->sb, buf);
	strbuf_putc(j->sb, '"');
}
