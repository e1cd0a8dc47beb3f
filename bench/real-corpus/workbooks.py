"""Workbooks for the LibreOffice Calc screens, written with XlsxWriter (the pinned Debian package).

Money workbooks come from finance_data.Household (seeded); the others hold numbers that are not money (marks,
temperatures, parts counts, a schedule, a league table), so the same program shows both classes.
"""
import datetime as dt
import random

import finance_data


def household_workbooks(xlsxwriter, folder, seed, currency):
    """Writes the workbooks into folder; returns [(file name, description, money?)]."""
    h = finance_data.Household(seed, currency)
    sym = h.flavour["symbol"]
    money_fmt = f'"{sym}"#,##0.00;[Red]-"{sym}"#,##0.00'
    out = []

    def book(name, what):
        wb = xlsxwriter.Workbook(str(folder / name))
        fmts = {"money": wb.add_format({"num_format": money_fmt}),
                "date": wb.add_format({"num_format": "yyyy-mm-dd"}),
                "head": wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
                "bold_money": wb.add_format({"num_format": money_fmt, "bold": True, "top": 1}),
                "bold": wb.add_format({"bold": True})}
        out.append((name, what))
        return wb, fmts

    # 1. register of the checking account
    wb, f = book(f"register-s{seed}.xlsx", f"checking account register of Household(seed={seed})")
    ws = wb.add_worksheet(h.accounts[h.checking].name)
    ws.write_row(0, 0, ["Date", "Payee", "Category", "Amount", "Balance"], f["head"])
    rows = h.register_rows(h.checking)[-120:]
    for i, (d, payee, cat, value, bal) in enumerate(rows, start=1):
        ws.write_datetime(i, 0, dt.datetime(d.year, d.month, d.day), f["date"])
        ws.write(i, 1, payee)
        ws.write(i, 2, cat)
        ws.write_number(i, 3, value / 100, f["money"])
        ws.write_number(i, 4, bal / 100, f["money"])
    ws.set_column(0, 0, 12)
    ws.set_column(1, 2, 28)
    ws.set_column(3, 4, 14)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(rows), 4)
    wb.close()

    # 2. budget vs actual, first half of 2024
    wb, f = book(f"budget-s{seed}.xlsx", f"budget vs actual 2024 H1 of Household(seed={seed})")
    ws = wb.add_worksheet("Budget 2024")
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    ws.write_row(0, 0, ["Category", "Monthly budget"] + months + ["Total", "Budget H1", "Difference"], f["head"])
    r = 1
    for cat, targets in h.expense_accounts.items():
        typical, per_month = finance_data.EXPENSES[cat][2], finance_data.EXPENSES[cat][3]
        ws.write(r, 0, cat)
        ws.write_number(r, 1, round(typical * per_month * 1.05 / 5) * 5, f["money"])
        for m in range(6):
            spent = sum(s.value for t in h.txns if t.date.year == 2024 and t.date.month == m + 1
                        for s in t.splits if s.account in targets)
            ws.write_number(r, 2 + m, spent / 100, f["money"])
        ws.write_formula(r, 8, f"=SUM(C{r + 1}:H{r + 1})", f["money"])
        ws.write_formula(r, 9, f"=B{r + 1}*6", f["money"])
        ws.write_formula(r, 10, f"=J{r + 1}-I{r + 1}", f["money"])
        r += 1
    ws.write(r, 0, "Total", f["bold"])
    for c in range(1, 11):
        col = chr(ord("A") + c)
        ws.write_formula(r, c, f"=SUM({col}2:{col}{r})", f["bold_money"])
    ws.set_column(0, 0, 16)
    ws.set_column(1, 10, 13)
    wb.close()

    # 3. car loan amortisation
    wb, f = book(f"loan-s{seed}.xlsx", f"car loan amortisation schedule of Household(seed={seed})")
    ws = wb.add_worksheet("Car loan")
    ws.write(0, 0, "Car loan", f["bold"])
    ws.write(1, 0, "Principal")
    ws.write_number(1, 1, 14500, f["money"])
    ws.write(2, 0, "Annual rate")
    ws.write_number(2, 1, 0.055, wb.add_format({"num_format": "0.00%"}))
    ws.write(3, 0, "Months")
    ws.write_number(3, 1, 48)
    ws.write(4, 0, "Payment")
    ws.write_formula(4, 1, "=PMT(B3/12,B4,-B2)", f["money"])
    ws.write_row(6, 0, ["Month", "Opening", "Payment", "Interest", "Principal", "Closing"], f["head"])
    for m in range(48):
        r = 7 + m
        ws.write_number(r, 0, m + 1)
        ws.write_formula(r, 1, "=B2" if m == 0 else f"=F{r}", f["money"])
        ws.write_formula(r, 2, "=$B$5", f["money"])
        ws.write_formula(r, 3, f"=B{r + 1}*$B$3/12", f["money"])
        ws.write_formula(r, 4, f"=C{r + 1}-D{r + 1}", f["money"])
        ws.write_formula(r, 5, f"=B{r + 1}-E{r + 1}", f["money"])
    ws.set_column(0, 5, 14)
    wb.close()

    # 4. an invoice
    rng = random.Random(seed)
    wb, f = book(f"invoice-s{seed}.xlsx", f"invoice (items drawn with seed {seed})")
    ws = wb.add_worksheet("Invoice")
    big = wb.add_format({"bold": True, "font_size": 20})
    ws.write(0, 0, "INVOICE", big)
    ws.write(1, 0, f"No. {2024000 + seed * 37}")
    ws.write(2, 0, "Date")
    ws.write_datetime(2, 1, dt.datetime(2024, 6, 3 + seed % 20), f["date"])
    ws.write(4, 0, "Bill to:", f["bold"])
    ws.write(5, 0, rng.choice(["Harbor Cafe Ltd", "Greenfield School", "Miller & Sons", "Oak Dental Practice"]))
    ws.write(6, 0, "14 Station Road, " + h.flavour["city"])
    ws.write_row(8, 0, ["Description", "Qty", "Unit price", "Amount"], f["head"])
    items = ["Website maintenance (hours)", "Logo redesign", "Hosting, annual", "Printer paper, box",
             "On-site support (hours)", "Laptop battery", "Domain renewal", "Training session"]
    n = rng.randint(4, 7)
    for i, item in enumerate(rng.sample(items, n)):
        r = 9 + i
        ws.write(r, 0, item)
        ws.write_number(r, 1, rng.randint(1, 12))
        ws.write_number(r, 2, rng.choice([12.5, 45, 60, 85, 120, 240, 19.99]), f["money"])
        ws.write_formula(r, 3, f"=B{r + 1}*C{r + 1}", f["money"])
    r = 9 + n + 1
    ws.write(r, 2, "Subtotal", f["bold"])
    ws.write_formula(r, 3, f"=SUM(D10:D{9 + n})", f["money"])
    ws.write(r + 1, 2, "VAT 20%", f["bold"])
    ws.write_formula(r + 1, 3, f"=D{r + 1}*0.2", f["money"])
    ws.write(r + 2, 2, "Total due", f["bold"])
    ws.write_formula(r + 2, 3, f"=D{r + 1}+D{r + 2}", f["bold_money"])
    ws.set_column(0, 0, 32)
    ws.set_column(1, 1, 6)
    ws.set_column(2, 3, 14)
    wb.close()

    # 5. share prices with a chart
    wb, f = book(f"prices-s{seed}.xlsx", f"weekly closing share prices of Household(seed={seed})")
    ws = wb.add_worksheet("Prices")
    names = [s[2] for s in h.securities]
    ws.write_row(0, 0, ["Week"] + names, f["head"])
    weeks = [d for d, _ in h.securities[0][3] if d.weekday() == 4]
    for i, d in enumerate(weeks, start=1):
        ws.write_datetime(i, 0, dt.datetime(d.year, d.month, d.day), f["date"])
        for k, s in enumerate(h.securities):
            price = dict(s[3])[d]
            ws.write_number(i, 1 + k, price / 100, f["money"])
    chart = wb.add_chart({"type": "line"})
    for k in range(len(names)):
        col = chr(ord("B") + k)
        chart.add_series({"name": f"=Prices!${col}$1", "categories": f"=Prices!$A$2:$A${len(weeks) + 1}",
                          "values": f"=Prices!${col}$2:${col}${len(weeks) + 1}"})
    chart.set_title({"name": "Closing prices"})
    chart.set_y_axis({"num_format": f'"{sym}"#,##0'})
    ws.insert_chart("F2", chart, {"x_scale": 1.6, "y_scale": 1.5})
    ws.set_column(0, 0, 12)
    wb.close()

    # 6. expenses by category with a pie chart
    wb, f = book(f"expenses-s{seed}.xlsx", f"expenses by category 2023 of Household(seed={seed})")
    ws = wb.add_worksheet("Expenses 2023")
    ws.write_row(0, 0, ["Category", "Spent 2023"], f["head"])
    cats = list(h.expense_accounts.items())
    for i, (cat, targets) in enumerate(cats, start=1):
        spent = sum(s.value for t in h.txns if t.date.year == 2023 for s in t.splits if s.account in targets)
        ws.write(i, 0, cat)
        ws.write_number(i, 1, spent / 100, f["money"])
    ws.write(len(cats) + 1, 0, "Total", f["bold"])
    ws.write_formula(len(cats) + 1, 1, f"=SUM(B2:B{len(cats) + 1})", f["bold_money"])
    pie = wb.add_chart({"type": "pie"})
    pie.add_series({"categories": f"='Expenses 2023'!$A$2:$A${len(cats) + 1}",
                    "values": f"='Expenses 2023'!$B$2:$B${len(cats) + 1}", "data_labels": {"percentage": True}})
    pie.set_title({"name": "Where the money went"})
    ws.insert_chart("D2", pie, {"x_scale": 1.3, "y_scale": 1.3})
    ws.set_column(0, 1, 16)
    wb.close()
    return out


def other_workbooks(xlsxwriter, folder, seed):
    """Workbooks with numbers that are not money; returns [(file name, description)]."""
    rng = random.Random(seed)
    out = []
    head = {"bold": True, "bg_color": "#E2EFDA", "border": 1}

    wb = xlsxwriter.Workbook(str(folder / f"marks-s{seed}.xlsx"))
    ws = wb.add_worksheet("Marks")
    h = wb.add_format(head)
    subjects = ["Maths", "Physics", "Chemistry", "English", "History", "Art"]
    ws.write_row(0, 0, ["Student"] + subjects + ["Average"], h)
    first = ["Anna", "Ben", "Chloe", "David", "Emma", "Finn", "Grace", "Hugo", "Isla", "Jack", "Kira", "Leo",
             "Maya", "Noah", "Olivia", "Paul", "Quinn", "Rosa", "Sam", "Tara"]
    for i, name in enumerate(first, start=1):
        ws.write(i, 0, f"{name} {rng.choice('ABCDEFGHKLMNPRSTW')}.")
        for k in range(len(subjects)):
            ws.write_number(i, 1 + k, rng.randint(38, 100))
        ws.write_formula(i, 7, f"=AVERAGE(B{i + 1}:G{i + 1})", wb.add_format({"num_format": "0.0"}))
    ws.conditional_format(1, 1, len(first), 6, {"type": "3_color_scale"})
    ws.set_column(0, 0, 14)
    wb.close()
    out.append((f"marks-s{seed}.xlsx", "students' marks with a colour scale"))

    wb = xlsxwriter.Workbook(str(folder / f"temperatures-s{seed}.xlsx"))
    ws = wb.add_worksheet("Sensor log")
    h = wb.add_format(head)
    ws.write_row(0, 0, ["Time", "Greenhouse °C", "Outside °C", "Humidity %"], h)
    t0 = dt.datetime(2024, 5, 14, 0, 0)
    for i in range(96):
        t = t0 + dt.timedelta(minutes=15 * i)
        ws.write_datetime(i + 1, 0, t, wb.add_format({"num_format": "hh:mm"}))
        ws.write_number(i + 1, 1, round(21 + 4 * rng.random() + 3 * (1 if 8 <= t.hour <= 18 else 0), 1))
        ws.write_number(i + 1, 2, round(9 + 8 * rng.random(), 1))
        ws.write_number(i + 1, 3, rng.randint(45, 80))
    chart = wb.add_chart({"type": "line"})
    for col in "BC":
        chart.add_series({"name": f"='Sensor log'!${col}$1", "categories": "='Sensor log'!$A$2:$A$97",
                          "values": f"='Sensor log'!${col}$2:${col}$97"})
    chart.set_title({"name": "Temperatures, 14 May"})
    ws.insert_chart("F2", chart, {"x_scale": 1.5, "y_scale": 1.4})
    wb.close()
    out.append((f"temperatures-s{seed}.xlsx", "greenhouse sensor log with a line chart"))

    wb = xlsxwriter.Workbook(str(folder / f"parts-s{seed}.xlsx"))
    ws = wb.add_worksheet("Parts")
    h = wb.add_format(head)
    ws.write_row(0, 0, ["Part no.", "Description", "Bin", "On hand", "Reorder at", "Weight (g)"], h)
    parts = ["M4 hex bolt", "M4 nut", "Washer 8 mm", "Hinge 40 mm", "Cable tie 200 mm", "Spring 12 mm",
             "Rubber foot", "Bracket L 50", "Rivet 3.2 mm", "Spacer 10 mm", "Grommet 6 mm", "Fuse 2 A"]
    for i, p in enumerate(parts, start=1):
        ws.write_row(i, 0, [f"P-{1000 + 17 * i}", p, f"{rng.choice('ABCD')}{rng.randint(1, 9)}",
                            rng.randint(0, 900), rng.choice([50, 100, 200]), rng.randint(1, 80)])
    ws.conditional_format(1, 3, len(parts), 3, {"type": "data_bar"})
    ws.set_column(1, 1, 20)
    wb.close()
    out.append((f"parts-s{seed}.xlsx", "parts inventory (counts, weights)"))

    wb = xlsxwriter.Workbook(str(folder / f"league-s{seed}.xlsx"))
    ws = wb.add_worksheet("Table")
    h = wb.add_format(head)
    ws.write_row(0, 0, ["Pos", "Team", "P", "W", "D", "L", "GF", "GA", "GD", "Pts"], h)
    teams = ["Riverside", "Hill Town", "Old Port", "Northend", "Greenvale", "Eastfield", "Westbrook", "Kingsley"]
    rows = []
    for t in teams:
        w, d = rng.randint(2, 10), rng.randint(0, 5)
        l_ = 14 - w - d
        gf, ga = rng.randint(10, 35), rng.randint(10, 35)
        rows.append((3 * w + d, t, 14, w, d, l_, gf, ga))
    for i, (pts, t, p, w, d, l_, gf, ga) in enumerate(sorted(rows, reverse=True), start=1):
        ws.write_row(i, 0, [i, t, p, w, d, l_, gf, ga, gf - ga, pts])
    ws.set_column(1, 1, 14)
    wb.close()
    out.append((f"league-s{seed}.xlsx", "football league table"))

    wb = xlsxwriter.Workbook(str(folder / f"schedule-s{seed}.xlsx"))
    ws = wb.add_worksheet("Plan")
    h = wb.add_format(head)
    ws.write_row(0, 0, ["Task", "Owner", "Start", "Days", "Done %"], h)
    tasks = ["Survey site", "Draw plans", "Order materials", "Foundations", "Walls", "Roof", "Windows",
             "Wiring", "Plumbing", "Plaster", "Paint", "Inspection"]
    start = dt.datetime(2024, 3, 4)
    for i, task in enumerate(tasks, start=1):
        ws.write(i, 0, task)
        ws.write(i, 1, rng.choice(["Ana", "Bo", "Cem", "Dee"]))
        ws.write_datetime(i, 2, start, wb.add_format({"num_format": "d mmm yyyy"}))
        days = rng.randint(2, 12)
        ws.write_number(i, 3, days)
        ws.write_number(i, 4, max(0, min(100, 100 - 9 * i + rng.randint(-10, 10))))
        start += dt.timedelta(days=days)
    ws.conditional_format(1, 4, len(tasks), 4, {"type": "data_bar", "bar_color": "#63BE7B"})
    ws.set_column(0, 0, 18)
    ws.set_column(2, 2, 13)
    wb.close()
    out.append((f"schedule-s{seed}.xlsx", "building project schedule"))
    return out


if __name__ == "__main__":
    # Run by Debian's /usr/bin/python3 (which has python3-xlsxwriter):
    #   workbooks.py household FOLDER SEED CURRENCY | workbooks.py other FOLDER SEED   -> JSON list on stdout
    import json
    import sys
    from pathlib import Path
    import xlsxwriter
    what, folder, seed = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    folder.mkdir(parents=True, exist_ok=True)
    books = (household_workbooks(xlsxwriter, folder, seed, sys.argv[4]) if what == "household"
             else other_workbooks(xlsxwriter, folder, seed))
    print(json.dumps(books))
