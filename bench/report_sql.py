#!/usr/bin/env python3
"""report_sql.py: the SQL of the supervisors' report, as src/store/store_report.c
holds it, for the sqlite3 shell or psql (bench/run.sh runs the same statements
there, beside the service layer).

    report_sql.py CENTRE|all FROM TO [--eqp]      the sqlite3 shell
    report_sql.py CENTRE|all FROM TO --psql       psql: PREPARE/EXECUTE under \\timing
    report_sql.py --daily CENTRE DAY [N]          the daily counts (store_query.c), N times

Each statement is run as the store runs it, every row fetched (the shell or
psql prints them; run.sh sends them to /dev/null). For psql the text is
rewritten as src/store/store_pg.c rewrites it at prepare (?N as $N, SQLite's
planner hints CROSS JOIN and BY +x dropped), and a parameter the statement
does not name is typed text, as there.
"""
import datetime, os, re, sys

here = os.path.join(os.path.dirname(__file__), '..', 'src', 'store')
src = open(os.path.join(here, 'store_report.c')).read()
# the one function-like macro the report uses: its body with the alias put in
hdr = open(os.path.join(here, 'store_internal.h')).read()
m = re.search(r'#define STORE_NOTICE_GIVEN\(c\) \\\n((?:.*\\\n)*.*\n)', hdr)
if m:
    body = m.group(1).replace('\\\n', ' ')
    src = re.sub(r'STORE_NOTICE_GIVEN\("(\w+)"\)',
                 lambda a: body.replace('" c "', '" "' + a.group(1) + '" "'), src)
macros = dict(re.findall(r'#define (\w+) ((?:\\\s*)?(?:"[^"\n]*"(?:\s|\\)*)+)', src))
def text(body):
    out = ''
    for s, name in re.findall(r'"((?:[^"\\]|\\.)*)"|\b([A-Z_]{4,})\b', body):
        if s: out += s
        elif name in macros: out += text(macros[name])
    return out

def pg_text(sql):
    """store_pg.c's pg_rewrite: outside quotes, CROSS JOIN -> JOIN, BY +x ->
    BY x, ?N -> $N; returns the text and the numbers it names."""
    out, used, quote, i = '', set(), None, 0
    while i < len(sql):
        ch = sql[i]
        if quote or ch in '\'"':
            quote = None if ch == quote else (quote or ch)
            out += ch; i += 1; continue
        if sql.startswith('CROSS JOIN ', i):
            i += 6; continue
        if sql.startswith('BY +', i):
            out += 'BY '; i += 4; continue
        if ch == '?':
            j = i + 1
            while j < len(sql) and sql[j].isdigit(): j += 1
            n = int(sql[i + 1:j]) if j > i + 1 else max(used, default=0) + 1
            used.add(n); out += '$%d' % n; i = j; continue
        out += ch; i += 1
    return out, used

if sys.argv[1] == '--daily':
    # report_sql.py --daily CENTRE DAY: the daily counts of one centre
    # (store_query.c's sql_daily_*, ?1 the centre, ?2 the day), N times
    qsrc = open(os.path.join(here, 'store_query.c')).read()
    qmacros = dict(re.findall(r'#define (\w+) ((?:\\\s*)?(?:"[^"\n]*"(?:\s|\\)*)+)', qsrc))
    macros.update(qmacros)
    daily = re.findall(r'static const char (sql_daily_\w+)\[\] =\n(.*?);\n', qsrc, re.S)
    print('.parameter set ?1 "\'%s\'"\n.parameter set ?2 "\'%s\'"' % (sys.argv[2], sys.argv[3]))
    for _ in range(int(sys.argv[4]) if len(sys.argv) > 4 else 1):
        for name, body in daily:
            print('%s;' % text(body))
    sys.exit(0)
centre, frm, to = sys.argv[1:4]
eqp = '--eqp' in sys.argv
statements = re.findall(r'static const char (sql_rep_\w+)\[\] =\n(.*?);\n', src, re.S)
# a statement with a twin for one centre (NAME_centre): the store runs the
# one that fits, and so does this
names = {n for n, _ in statements}
twin = lambda n: n.endswith('_centre') and n[:-len('_centre')] in names
statements = [(n, b) for n, b in statements
              if (twin(n) and centre != 'all')
              or (not twin(n) and (centre == 'all' or n + '_centre' not in names))]
# the parameters as store_report.c binds them: the centre, then dates
# computed from the period (store_bind_date(s, 4, to + 30): the window)
day = {'from': datetime.date.fromisoformat(frm), 'to': datetime.date.fromisoformat(to)}
params = {}
for n, base, off in re.findall(r'store_bind_(?:text|date)\(s, (\d+), (centre|from|to)(?: ([+-] \d+))?\)', src):
    if base == 'centre':
        params[int(n)] = 'NULL' if centre == 'all' else "'%s'" % centre
    else:
        d = day[base] + datetime.timedelta(days=int(off.replace(' ', '')) if off else 0)
        params[int(n)] = "'%s'" % d.isoformat()
# the page of the lists paged (stmt_bind_int(s, 7, limit)): the service's
page = re.search(r'#define SERVICE_REPORT_PAGE (\d+)',
                 open(os.path.join(here, '..', '..', 'include', 'jzz', 'service.h')).read())
for n in re.findall(r'stmt_bind_int\(s, (\d+), limit\)', src):
    params[int(n)] = page.group(1)
for n in re.findall(r'stmt_bind_int64\(s, (\d+), offset\)', src):
    params[int(n)] = '0'
args = [params[k] for k in sorted(params)]
if '--psql' in sys.argv:
    print('SET search_path = jzz;')
    for name, body in statements:
        sql, used = pg_text(text(body))
        n = max(used, default=0)
        types = ', '.join('unknown' if k in used else 'text' for k in range(1, n + 1))
        print('PREPARE %s%s AS %s;' % (name, '(%s)' % types if n else '', sql))
    print('\\o /dev/null\n\\timing on')
    for name, body in statements:
        n = max(pg_text(text(body))[1], default=0)
        print('EXECUTE %s%s;' % (name, '(%s)' % ', '.join(args[:n]) if n else ''))
    sys.exit(0)
# the shell strips one level of quotes from a dot-command's arguments
for k in sorted(params):
    print('.parameter set ?%d %s' % (k, params[k] if params[k] == 'NULL' else '"%s"' % params[k]))
for name, sql in ((n, text(b)) for n, b in statements):
    if eqp:
        print('.print %s\nEXPLAIN QUERY PLAN %s;' % (name, sql))
    else:
        print('%s;' % sql)
