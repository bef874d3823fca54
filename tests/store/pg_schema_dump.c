/*
 * pg_schema_dump: prints one of the PostgreSQL store's SQL texts
 * (store_schema_pg.c) to stdout, so that test_pg_schema.sh feeds psql the
 * very text the driver runs, never a copy of it. "schema" is the schema as
 * a new store gets it: the base script, then every migration after it.
 */
#include <stdio.h>
#include <string.h>

#include "jzz/store.h"

extern const char store_pg_schema[];
extern const char *const store_pg_migrations[STORE_SCHEMA_VERSION];
extern const char store_pg_audit_guards[];
extern const char store_pg_audit_wipe[];
extern const char store_pg_grants[];

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		const char *text;
	} texts[] = {
		{ "schema", store_pg_schema },
		{ "guards", store_pg_audit_guards },
		{ "wipe", store_pg_audit_wipe },
		{ "grants", store_pg_grants },
	};

	for (size_t i = 0; argc == 2 && i < sizeof texts / sizeof texts[0]; i++)
		if (strcmp(argv[1], texts[i].name) == 0) {
			/* the guards query is one statement without its ';' */
			fputs(texts[i].text, stdout);
			for (int v = 0; strcmp(texts[i].name, "schema") == 0 && v < STORE_SCHEMA_VERSION; v++)
				if (store_pg_migrations[v] != NULL)
					fputs(store_pg_migrations[v], stdout);
			if (strcmp(texts[i].name, "guards") == 0)
				fputs(";\n", stdout);
			return fflush(stdout) == 0 ? 0 : 1;
		}
	fprintf(stderr, "usage: pg_schema_dump schema|guards|wipe|grants\n");
	return 2;
}
