#!/usr/bin/env python3
# report_xlsx_check.py: reads a workbook written by `jzz report --format xlsx`
# with openpyxl and checks it against `jzz report --format json` of the same
# report: the sheets and their headings, every figure, date and code, the
# formats (dates, money), the frozen heading rows, the column widths, the
# charts, and that text arrives as text (never a formula).
#
#   report_xlsx_check.py BOOK.xlsx REPORT.json zh|en [TEXT...]
#
# Each TEXT must appear in some cell as a string, exactly. Exit 0 when all
# holds; otherwise 1 and one line per failure on stderr.
import datetime
import json
import sys
import unicodedata
import zipfile

import openpyxl

SHEETS = {
    "zh": ["总览", "按业务与结论", "按受理员", "按中心", "工本费", "不符与缺材料",
           "领证通知逾期", "签注期", "已中止", "自动签注失败"],
    "en": ["Overview", "By business", "By clerk", "By centre", "Fees",
           "Refusals and missing", "Pickup notices overdue", "Endorsement window",
           "Suspended", "Auto-endorsement failed"],
}
HEADINGS = {
    "zh": [
        ["项目", "数值", "代码"],
        ["业务", "业务代码", "受理", "材料不全", "不予受理", "合计"],
        ["受理员", "申请", "受理", "材料不全", "不予受理", "工本费"],
        ["中心", "申请", "受理", "材料不全", "不予受理", "工本费"],
        ["日期", "中心", "受理员", "业务", "业务代码", "类别", "类别代码", "金额",
         "受理回执号", "定额收据号", "身份证号", "姓名"],
        ["类别", "代码", "名称", "不符", "缺材料", "提示"],
        ["中心", "身份证号", "姓名", "联系电话", "应通知日期", "到证日期", "逾期天数"],
        ["中心", "身份证号", "姓名", "联系电话", "有效期至", "剩余天数"],
        ["中心", "身份证号", "姓名", "联系电话", "有效期至", "已过天数", "原因", "原因代码"],
        ["中心", "身份证号", "姓名", "联系电话", "有效期至", "批处理日期", "距有效期满天数",
         "原因", "原因代码"],
    ],
    "en": [
        ["item", "value", "code"],
        ["business", "code", "accepted", "incomplete", "refused", "total"],
        ["clerk", "applications", "accepted", "incomplete", "refused", "fees"],
        ["centre", "applications", "accepted", "incomplete", "refused", "fees"],
        ["day", "centre", "clerk", "business", "business code", "kind", "kind code",
         "amount", "receipt", "receipt book", "ID number", "name"],
        ["kind", "code", "name", "fail", "missing documents", "warning"],
        ["centre", "ID number", "name", "phone", "notice due", "card arrived", "days late"],
        ["centre", "ID number", "name", "phone", "valid until", "days left"],
        ["centre", "ID number", "name", "phone", "valid until", "days past", "reason",
         "reason code"],
        ["centre", "ID number", "name", "phone", "valid until", "batch day",
         "days past validity", "reason", "reason code"],
    ],
}
# A few names of the core's vocabulary, to see that labels are the names
# and not the codes again.
KNOWN = {"zh": {"permit_new": "居住证新办", "card_fee": "工本费"},
         "en": {"permit_new": "new residence permit", "card_fee": "card fee"}}

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def day(s):
    return None if s is None else datetime.datetime.strptime(s, "%Y-%m-%d")


def cols(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def rows(ws):
    """The data rows (below the title and the headings), as lists of cells."""
    return [list(r) for r in ws.iter_rows(min_row=3, max_col=ws.max_column)]


def main():
    book, report, lang = sys.argv[1], sys.argv[2], sys.argv[3]
    texts = sys.argv[4:]
    with open(report, encoding="utf-8") as f:
        j = json.load(f)
    wb = openpyxl.load_workbook(book)
    check(wb.sheetnames == SHEETS[lang], "sheets %r" % wb.sheetnames)
    if wb.sheetnames != SHEETS[lang]:
        return
    ws = [wb[n] for n in wb.sheetnames]

    for i, s in enumerate(ws):
        heads = [c.value for c in s[2]][:len(HEADINGS[lang][i])]
        check(heads == HEADINGS[lang][i], "%s: headings %r" % (s.title, heads))
        check(s.freeze_panes == "A3", "%s: frozen at %r" % (s.title, s.freeze_panes))
        title = s["A1"].value or ""
        check(j["centre"] in title or ("全区" in title or "district" in title),
              "%s: title %r" % (s.title, title))
        # widths fit the widest cell (CJK counted double)
        for col in range(1, len(HEADINGS[lang][i]) + 1):
            letter = openpyxl.utils.get_column_letter(col)
            widest = 0
            for r in s.iter_rows(min_row=2, min_col=col, max_col=col):
                c = r[0]
                if c.value is None:
                    continue
                # the line under a list shown in part runs over the empty
                # cells beside it (a list's rows all have an ID number)
                if i >= 6 and c.row > 2 and s.cell(row=c.row, column=2).value is None:
                    continue
                widest = max(widest, 10 if c.is_date else cols(str(c.value)))
            w = s.column_dimensions[letter].width
            check(w is not None and w >= min(widest, 58),
                  "%s!%s: width %r for %d columns" % (s.title, letter, w, widest))
        # text is text: no formula anywhere
        for r in s.iter_rows():
            for c in r:
                check(c.data_type != "f", "%s!%s: a formula %r" % (s.title, c.coordinate, c.value))

    # the overview
    ov = {r[2].value: r[1] for r in rows(ws[0])}
    check(ov["centre"].value == j["centre"], "overview centre")
    check(ov["from"].is_date and ov["from"].value == day(j["from"]), "overview from")
    check(ov["to"].is_date and ov["to"].value == day(j["to"]), "overview to")
    check(ov["from"].number_format == "yyyy-mm-dd", "date format %r" % ov["from"].number_format)
    for k, v in (("applications", j["applications"]), ("fees_yuan", j["fees_yuan"]),
                 ("cod_fees_yuan", j["cod_fees_yuan"]),
                 ("fast_track", j["fast_track"]["applications"]),
                 ("fast_track_accepted", j["fast_track"]["accepted"]),
                 ("cards_received", j["cards_received"]), ("cards_handed", j["cards_handed"]),
                 ("overdue_pickup_notices", j["overdue_pickup_notices"])):
        check(ov[k].data_type == "n" and ov[k].value == v, "overview %s: %r, not %r" %
              (k, ov[k].value, v))
    check("¥" in ov["fees_yuan"].number_format, "money format %r" % ov["fees_yuan"].number_format)

    # by business and decision: the businesses the JSON has, the same counts
    got = {}
    for r in rows(ws[1]):
        got[r[1].value] = {"accept": r[2].value, "incomplete": r[3].value, "refuse": r[4].value}
        check(r[5].value == r[2].value + r[3].value + r[4].value, "by business total")
        if r[1].value in KNOWN[lang]:
            check(r[0].value == KNOWN[lang][r[1].value], "label of %s: %r" % (r[1].value, r[0].value))
        check(r[0].value != r[1].value, "no label for %s" % r[1].value)
    check(got == j["by_business"], "by business %r != %r" % (got, j["by_business"]))

    # by clerk, by centre
    for s, key in ((ws[2], "by_clerk"), (ws[3], "by_centre")):
        got = [{"key": r[0].value, "applications": r[1].value, "accept": r[2].value,
                "incomplete": r[3].value, "refuse": r[4].value, "fees_yuan": r[5].value}
               for r in rows(s)]
        check(got == j[key], "%s %r != %r" % (key, got, j[key]))
        for r in rows(s):
            check("¥" in r[5].number_format, "%s: money format" % key)

    # the fees, row by row
    got = []
    for r in rows(ws[4]):
        check(r[0].is_date, "fees: day not a date")
        check("¥" in r[7].number_format, "fees: money format")
        if r[6].value in KNOWN[lang]:
            check(r[5].value == KNOWN[lang][r[6].value], "fees: kind label %r" % r[5].value)
        got.append({"day": r[0].value.strftime("%Y-%m-%d"), "centre": r[1].value,
                    "user": r[2].value, "business": r[4].value, "kind": r[6].value,
                    "amount_yuan": r[7].value, "receipt_no": r[8].value,
                    "fee_receipt_no": r[9].value, "id_number": r[10].value, "name": r[11].value})
    check(got == j["fees"], "fees %r != %r" % (got, j["fees"]))

    # rules, then missing documents
    rules, docs = [], {}
    for r in rows(ws[5]):
        if r[3].value is not None:
            rules.append({"rule": r[1].value, "fail": r[3].value, "missing": r[4].value,
                          "warn": r[5].value})
        else:
            docs[r[1].value] = r[4].value
        check(r[2].value and r[2].value != r[1].value, "no name for %s" % r[1].value)
    check(rules == j["rules"], "rules %r != %r" % (rules, j["rules"]))
    check(docs == j["missing_documents"], "documents %r != %r" % (docs, j["missing_documents"]))

    # the lists of persons: (sheet, key, column of since, of days, of the
    # reason code), the date always in column 5
    for s, key, c_since, c_days, c_detail in ((ws[6], "pickup_notices_overdue", 5, 6, None),
                                               (ws[7], "endorsement_window", None, 5, None),
                                               (ws[8], "suspended", None, 5, 7),
                                               (ws[9], "auto_endorsement_failed", 5, 6, 8)):
        got = []
        listed = rows(s)
        # a list shown in part (its first page: the JSON's `KEY_total` is
        # more than its rows) ends with a line saying so, in column A
        total = j.get(key + "_total", len(j[key]))
        if len(j[key]) < total:
            note = listed.pop() if listed else None
            check(note is not None and isinstance(note[0].value, str)
                  and "%d" % len(j[key]) in note[0].value and "%d" % total in note[0].value
                  and all(c.value is None for c in note[1:]),
                  "%s: no line says %d of %d" % (key, len(j[key]), total))
        for r in listed:
            def date_of(c):
                check(c.value is None or c.is_date, "%s: %s not a date" % (key, c.coordinate))
                return c.value.strftime("%Y-%m-%d") if c.value else None
            got.append({"centre": r[0].value, "id_number": r[1].value, "name": r[2].value,
                        "phone": r[3].value or "", "date": date_of(r[4]),
                        "since": date_of(r[c_since]) if c_since is not None else None,
                        "days": r[c_days].value,
                        "detail": (r[c_detail].value or "") if c_detail is not None else ""})
            if c_detail is not None and r[c_detail].value:
                check(r[c_detail - 1].value not in (None, r[c_detail].value),
                      "%s: no name for the reason %s" % (key, r[c_detail].value))
        check(got == j[key], "%s %r != %r" % (key, got, j[key]))

    # native charts: by business and by clerk, when they have rows
    with zipfile.ZipFile(book) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    want = (1 if j["by_business"] else 0) + (1 if j["by_clerk"] else 0)
    check(len(charts) == want, "charts %r, want %d" % (charts, want))

    # text that looks like a formula arrives as that text
    for t in texts:
        found = [c for s in ws for r in s.iter_rows() for c in r if c.value == t]
        check(found and all(c.data_type == "s" for c in found), "text %r: %r" %
              (t, [(c.coordinate, c.data_type) for c in found]))


if __name__ == "__main__":
    main()
    for f in failures:
        print("report_xlsx_check: " + f, file=sys.stderr)
    sys.exit(1 if failures else 0)
