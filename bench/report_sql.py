#!/usr/bin/env python3
"""report_sql.py: the SQL of the supervisors' report, as src/store/store_report.c
holds it, for the sqlite3 shell (bench/run.sh runs the same statements there).

    report_sql.py CENTRE|all FROM TO [--eqp]
"""
import os, re, sys

here = os.path.join(os.path.dirname(__file__), '..', 'src', 'store')
src = open(os.path.join(here, 'store_report.c')).read()
# the one function-like macro the report uses: its body with the alias put in
hdr = open(os.path.join(here, 'store_internal.h')).read()
m = re.search(r'#define STORE_NOTICE_GIVEN\(c\) \\\n((?:.*\\\n)*.*\n)', hdr)
if m:
    body = m.group(1).replace('\\\n', ' ')
    src = re.sub(r'STORE_NOTICE_GIVEN\("(\w+)"\)',
                 lambda a: body.replace('" c "', '" "' + a.group(1) + '" "'), src)
macros = dict(re.findall(r'#define (\w+) ((?:"[^"\n]*"\s*)+)', src))
def text(body):
    out = ''
    for s, name in re.findall(r'"((?:[^"\\]|\\.)*)"|\b([A-Z_]{4,})\b', body):
        if s: out += s
        elif name in macros: out += text(macros[name])
    return out
centre, frm, to = sys.argv[1:4]
eqp = '--eqp' in sys.argv
# the shell strips one level of quotes from a dot-command's arguments
print(".parameter set ?1 %s" % ('NULL' if centre == 'all' else "\"'%s'\"" % centre))
print(".parameter set ?2 \"'%s'\"\n.parameter set ?3 \"'%s'\"" % (frm, to))
for name, body in re.findall(r'static const char (sql_rep_\w+)\[\] =\n(.*?);\n', src, re.S):
    sql = text(body)
    if eqp:
        print('.print %s\nEXPLAIN QUERY PLAN %s;' % (name, sql))
    else:
        print('SELECT count(*) FROM (%s);' % sql)
