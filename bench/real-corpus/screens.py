"""Screens of real programs showing seeded data, for the `screens` recipe of corpus.py.

Each driver starts a real program (the Debian package pinned in sources.tsv) on a private Xvfb display with a data
file made by finance_data.py from a fixed seed, walks through its views with xdotool and screenshots the screen.
A driver returns rows {original_path, staged, derived}; original_path names the program, the data seed and the view,
so a label stays attached to "the same screen of the same data" when the shot is redrawn.

Shots are cached in the work folder (like Beancount's): a session whose shots all exist is not run again. Redrawn
shots are pixel-identical only with the same fonts and program versions (see docs/real-corpus.md).
"""
import json
import re
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import finance_data
from xscreen import XScreen, ScreenError  # noqa: F401 (ScreenError is re-exported for corpus.py)

# ----------------------------------------------------------------------------------------------- KMyMoney 5.1.3
# Sidebar order (keyboard Down from Home): the index of each view.
KMM_VIEWS = ["Home", "Institutions", "Accounts", "Scheduled transactions", "Categories", "Tags", "Payees",
             "Ledgers", "Investments", "Reports", "Budgets", "Forecast", "Outbox"]
# Report tree of KMyMoney 5.1.3 (group index, child index, name): the default reports this recipe opens.
KMM_REPORTS = [
    (0, 0, "Income and Expenses Bar Graph"), (0, 1, "Income and Expenses By Year"),
    (0, 3, "Income and Expenses Pie Chart"), (0, 5, "Income and Expenses This Year"),
    (1, 0, "7-day Cash Flow Forecast"), (1, 1, "Account Balances by Institution"), (1, 3, "Net Worth By Month"),
    (1, 5, "Net Worth Graph"), (2, 1, "Transactions by Account"), (2, 2, "Transactions by Category"),
    (2, 3, "Transactions by Month"), (2, 4, "Transactions by Payee"), (3, 0, "Cash Flow Transactions This Month"),
    (4, 3, "Investment Holdings by Account"), (4, 6, "Investment Moving Average Price Graph"),
    (4, 8, "Investment Performance by Account"), (4, 10, "Investment Price Graph"), (4, 11, "Investment Transactions"),
    (6, 0, "Budgeted vs. Actual This Year"), (6, 2, "Monthly Budget"), (6, 3, "Monthly Budgeted vs. Actual"),
    (6, 5, "Yearly Budgeted vs Actual Graph"), (7, 0, "Forecast By Month"), (7, 3, "Net Worth Forecast Graph"),
    (8, 0, "Account Information"), (8, 2, "Schedule Information"),
]

KMM_RC = """[TipOfDay]
RunOnStart=false
[General Options]
firstTimeRun=false
[MainWindow]
{w}x{h} screen: Height={h}
{w}x{h} screen: Width={w}
{w}x{h} screen: XPosition=0
{w}x{h} screen: YPosition=0
[KAccountsView]
ColumnsSelection=0,1,7,5
[KCategoriesView]
ColumnsSelection=0,1,7,5
[KInstitutionsView]
ColumnsSelection=0,1,7,5
[KBudgetsView]
ColumnsSelection=0,1,7,5
"""


def qt_theme(screen, theme):
    """Environment for a Qt program: the default look, or one of qt5ct's colour schemes (e.g. 'darker')."""
    if theme == "default":
        return {}
    conf = screen.home / ".config" / "qt5ct"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "qt5ct.conf").write_text(f"[Appearance]\ncolor_scheme_path=/usr/share/qt5ct/colors/{theme}.conf\n"
                                     "custom_palette=true\nstyle=Fusion\nicon_theme=breeze\n"
                                     # the fonts Qt picks without a platform theme, so that positions match
                                     '[Fonts]\ngeneral="DejaVu Sans,9,-1,5,50,0,0,0,0,0"\n'
                                     'fixed="DejaVu Sans Mono,9,-1,5,50,0,0,0,0,0"\n')
    return {"QT_QPA_PLATFORMTHEME": "qt5ct"}


class KMyMoneySession:
    """One KMyMoney window on one data file; methods go to a view and return after it has drawn."""

    def __init__(self, screen, kmy_path, theme="default"):
        self.s = screen
        cfg = screen.home / ".config" / "kmymoney"
        cfg.mkdir(parents=True, exist_ok=True)
        (cfg / "kmymoneyrc").write_text(KMM_RC.format(w=screen.width, h=screen.height))
        screen.start(["kmymoney", str(kmy_path)], extra_env=qt_theme(screen, theme))
        screen.wait_window(Path(kmy_path).name + ".*KMyMoney", timeout=120)
        time.sleep(6)

    def view(self, name):
        self.s.click(75, 120)                      # the Home entry of the sidebar, then Down to the view
        for _ in range(KMM_VIEWS.index(name)):
            self.s.key("Down", wait=0.2)
        time.sleep(2.5)

    def expand_tree_and_widen(self):
        """Accounts-like views: expand every branch (button at the bottom right) and widen the name column."""
        w, h = self.s.width, self.s.height
        self.s.click(w - 32, h - 82)
        self.s.xdo("mousemove", 250, 153)
        self.s.xdo("mousedown", 1)
        self.s.xdo("mousemove", 400, 153)
        self.s.xdo("mousemove", 560, 153)
        self.s.xdo("mouseup", 1)
        self.s.park_mouse()
        time.sleep(1.5)

    def ledger(self, account_prefix):
        self.view("Ledgers")
        self.s.click(400, 152)
        self.s.type(account_prefix)
        self.s.key("Return", wait=3)
        self.s.park_mouse()

    def report(self, group, child):
        s = self.s
        s.click(190, 157)                          # the "Reports" tab of the reports view
        s.click(300, 212 + 17 * group)
        s.key("Right", wait=0.5)
        s.click(300, 212 + 17 * (group + 1 + child), double=True, wait=6)
        s.park_mouse()


def kmymoney_screens(work, out_dir, spec):
    """spec: 'seed=1 currency=USD size=1600x1000 [only=...]' -> screens of KMyMoney on that household."""
    opts = dict(part.split("=", 1) for part in spec.split())
    seed, currency = int(opts["seed"]), opts["currency"]
    w, h = map(int, opts["size"].split("x"))
    theme = opts.get("theme", "default")
    tag = f"kmymoney-s{seed}-{currency}-{w}x{h}" + ("" if theme == "default" else f"-{theme}")
    recipe = (f"kmymoney 5.1.3 on finance_data.Household(seed={seed}, currency={currency}) as .kmy, "
              f"Xvfb {w}x{h}, {theme} Qt colours, clock 2024-07-02")
    plan = []   # (file stem, description, action)

    def add(stem, what, action, *after):
        plan.append((f"{tag}__{stem}", what, action, *after))

    def do_view(name, expand=False):
        def act(k):
            k.view(name)
            if expand:
                k.expand_tree_and_widen()
            k.s.park_mouse()
        return act

    add("home", "Home view (financial summary, payments)", do_view("Home"))
    add("institutions", "Institutions view, expanded", do_view("Institutions", expand=True))
    add("accounts", "Accounts view, expanded", do_view("Accounts", expand=True))
    add("schedules", "Scheduled transactions view", do_view("Scheduled transactions"))
    add("categories", "Categories view, expanded", do_view("Categories", expand=True))
    add("tags", "Tags view (no tags)", do_view("Tags"))

    def payee(n):
        def act(k):
            k.view("Payees")
            k.s.click(400, 230)
            for _ in range(n):
                k.s.key("Down", wait=0.2)
            time.sleep(2)
            k.s.park_mouse()
        return act
    for n in (3, 11):
        add(f"payee-{n}", f"Payees view, payee number {n + 1} selected", payee(n))

    h_ = finance_data.Household(seed, currency)
    accounts = [(h_.accounts[a].name, a) for a in (h_.checking, h_.savings, h_.card, h_.cash, h_.invest,
                                                    h_.carloan)]
    for name, _ in accounts:
        def act(k, name=name):
            k.ledger(name)
        add(f"ledger-{name.replace(' ', '_')}", f"Ledgers view, account {name}", act)

    def ledger_older(k):
        k.ledger(accounts[0][0])
        k.s.click(800, 500)
        k.s.key("Prior", "Prior", "Prior", wait=2)
        k.s.park_mouse()
    add("ledger-checking-older", f"Ledgers view, account {accounts[0][0]}, scrolled back", ledger_older)

    def ledger_category(k):
        k.ledger("Groceries")
    add("ledger-groceries", "Ledgers view, category Groceries", ledger_category)

    add("investments", "Investments view", do_view("Investments"))

    def budget(k):
        k.view("Budgets")
        k.s.click(400, 230, wait=2)
        k.s.click(k.s.width - 374, k.s.height - 330, wait=2)
        k.s.park_mouse()
    add("budget", "Budgets view, Budget 2024 selected, categories expanded", budget)

    def forecast(tab_x, tab):
        def act(k):
            k.view("Forecast")
            k.s.click(k.s.width - 66, 176, wait=4)
            k.s.click(tab_x, 312, wait=3)
            k.s.park_mouse()
        return act
    add("forecast-summary", "Forecast view, Summary tab", forecast(190, "Summary"))
    add("forecast-detail", "Forecast view, Detail tab", forecast(264, "Detail"))
    add("forecast-chart", "Forecast view, Chart tab", forecast(548, "Chart"))

    def report(group, child):
        def act(k):
            k.view("Reports")
            k.report(group, child)
        return act
    def collapse(group):
        def after(k):
            k.s.click(190, 157)                       # back to the report list, fold the group again
            k.s.click(300, 212 + 17 * group)
            k.s.key("Left", wait=0.5)
        return after
    for group, child, name in KMM_REPORTS:
        add(f"report-{group}-{child}", f"Reports view, default report '{name}'", report(group, child),
            collapse(group))

    def price_editor(k):
        k.s.click(456, 9, wait=1)
        k.s.click(490, 61, wait=3)    # Tools > Prices...
        k.s.park_mouse()
    add("dialog-prices", "Tools > Prices dialog (price editor)", price_editor)

    def settings(k):
        k.s.click(514, 9, wait=1)
        k.s.click(586, 188, wait=3)   # Settings > Configure KMyMoney...
        k.s.park_mouse()
    add("dialog-settings", "Settings > Configure KMyMoney dialog", settings)

    def new_account(k):
        k.s.click(236, 9, wait=1)
        k.s.click(282, 36, wait=3)    # Account > New account...
        k.s.park_mouse()
    add("dialog-new-account", "Account > New account wizard", new_account)

    return run_plan(work, out_dir, tag, plan, recipe, (w, h), 
                    lambda s: KMyMoneySession(s, _kmy(work, h_, seed, currency), theme))


def _kmy(work, household, seed, currency):
    path = Path(work) / "screens-data" / f"household-s{seed}-{currency}.kmy"
    path.parent.mkdir(parents=True, exist_ok=True)
    household.write_kmy(path)
    return path


def run_plan(work, out_dir, tag, plan, recipe, size, open_session, per_step_session=False):
    """Run the plan's steps and screenshot each; shots already in out_dir are kept (cache).

    Steps share one program session (starting KMyMoney takes 10-60 s on a loaded machine) unless
    per_step_session; after each shot the step's `after` (if any) runs and Escape closes what the step opened.
    A failing step restarts the session and is tried once more."""
    items = []
    out_dir.mkdir(parents=True, exist_ok=True)
    missing = [step for step in plan if not (out_dir / f"{step[0]}.png").is_file()]
    screen = session = None
    try:
        for stem, what, act, *after in missing:
            for attempt in range(2):
                try:
                    if session is None or per_step_session:
                        if screen:
                            screen.close()
                        screen = XScreen(*size)
                        session = open_session(screen)
                    act(session)
                    screen.shot(out_dir / f"{stem}.png")
                    for fn in after:
                        fn(session)
                    if not per_step_session:
                        screen.key("Escape", "Escape", wait=1)
                    break
                except (ScreenError, subprocess.CalledProcessError) as e:
                    session = None
                    if attempt:
                        raise ScreenError(f"{stem}: {e}")
                    print(f"NOTE: {stem}: {e}; restarting the program and retrying once", flush=True)
    finally:
        if screen:
            screen.close()
    for stem, what, *_ in plan:
        items.append({"original_path": f"{recipe}: {what}" if recipe else what, "staged": out_dir / f"{stem}.png",
                      "derived": "screenshot of the real program under Xvfb (xdotool-driven), see screens.py"})
    return items


# ----------------------------------------------------------------------------------------------- hledger-web 1.25
def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chromium_shot(url, dest, size, budget_ms=15000):
    """Headless Chromium screenshot of a page after its scripts ran (virtual time budget)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--no-first-run", f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}",
                        f"--virtual-time-budget={budget_ms}", f"--screenshot={dest}", url],
                       check=True, capture_output=True, timeout=300)
    if not Path(dest).is_file():
        raise ScreenError(f"Chromium wrote no screenshot of {url}")


def hledger_web_screens(work, out_dir, spec):
    """spec: 'seed=3 currency=GBP size=1440x900' -> pages of hledger-web serving that household's journal."""
    opts = dict(part.split("=", 1) for part in spec.split())
    seed, currency = int(opts["seed"]), opts["currency"]
    size = tuple(map(int, opts["size"].split("x")))
    h = finance_data.Household(seed, currency)
    journal = Path(work) / "screens-data" / f"household-s{seed}-{currency}.journal"
    journal.parent.mkdir(parents=True, exist_ok=True)
    journal.write_text(h.ledger_journal())
    tag = f"hledger-web-s{seed}-{currency}-{size[0]}x{size[1]}"
    recipe = (f"hledger-web 1.25 serving finance_data.Household(seed={seed}, currency={currency}) as a journal, "
              f"headless Chromium {size[0]}x{size[1]}")
    q = urllib.parse.quote
    pages = [("journal", "/journal", "General journal")]
    for aid in (h.checking, h.savings, h.card, h.cash, h.invest, h.carloan):
        name = h.full_name(aid)
        query = q('inacct:"' + name + '"')
        pages.append((f"register-{h.accounts[aid].name}", f"/register?q={query}", f"Register of {name}"))
    for cat in ("Groceries", "Utilities", "Dining", "Auto"):
        name = f"Expenses:{cat}"
        pages.append((f"register-{cat}", f"/register?q={q('inacct:' + name)}", f"Register of {name}"))
    pages += [("journal-2023", f"/journal?q={q('date:2023')}", "Journal filtered to 2023"),
              ("journal-over-100", f"/journal?q={q('amt:>100')}", "Journal, amounts over 100"),
              ("journal-payee", f"/journal?q={q('desc:FreshMart')}", "Journal filtered to one payee")]
    port = free_port()
    server = subprocess.Popen(["hledger-web", "-f", str(journal), "--serve", "--host", "127.0.0.1",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    items = []
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(60):
            try:
                urllib.request.urlopen(base + "/journal", timeout=5).read()
                break
            except OSError:
                time.sleep(1)
        out_dir.mkdir(parents=True, exist_ok=True)
        for stem, path, what in pages:
            dest = out_dir / f"{tag}__{finance_safe(stem)}.png"
            if not dest.is_file():
                chromium_shot(base + path, dest, size)
            items.append({"original_path": f"{recipe}: {what} ({path.split('?')[0]})", "staged": dest,
                          "derived": "hledger-web page -> headless Chromium screenshot, see screens.py"})
    finally:
        server.terminate()
        server.wait(timeout=20)
    return items


def finance_safe(text):
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)


# ----------------------------------------------------------------------------------------------- terminal (xterm)
TERMINAL_COMMANDS = [
    # (stem, description, command run on the journal)
    ("bal", "hledger balance (account tree with balances)", "hledger -f {j} balance --tree"),
    ("bs", "hledger balancesheet", "hledger -f {j} balancesheet"),
    ("is-monthly", "hledger incomestatement, monthly 2024", "hledger -f {j} incomestatement -M -b 2024"),
    ("bal-quarterly", "hledger balance of expenses by quarter", "hledger -f {j} balance Expenses -Q -b 2023"),
    ("reg-checking", "hledger register of the checking account",
     "hledger -f {j} register Checking -b 2024-04"),
    ("reg-card", "hledger register of the credit card", "hledger -f {j} register Visa -b 2024-03"),
    ("print", "hledger print (journal entries)", "hledger -f {j} print -b 2024-06-10"),
    ("prices", "hledger prices (share prices)", "hledger -f {j} prices -b 2024-01"),
    ("cashflow", "hledger cashflow, monthly", "hledger -f {j} cashflow -M -b 2024"),
    ("bal-budget-avg", "hledger balance of expenses with monthly averages",
     "hledger -f {j} balance Expenses -M -A -b 2024 --depth 2"),
    ("stats", "hledger stats (journal statistics)", "hledger -f {j} stats"),
    ("accounts", "hledger accounts (names only)", "hledger -f {j} accounts --tree"),
    ("help", "hledger --help (command list)", "hledger --help"),
]


def terminal_screens(work, out_dir, spec):
    """spec: 'seed=4 currency=USD size=1280x800 font=11 colours=dark' -> xterm windows showing hledger reports
    of that household (and two screens without money: the account list and the help)."""
    opts = dict(part.split("=", 1) for part in spec.split())
    seed, currency = int(opts["seed"]), opts["currency"]
    w, h = map(int, opts["size"].split("x"))
    font, colours = opts.get("font", "11"), opts.get("colours", "light")
    fg, bg = ("#e0e0e0", "#1e1e1e") if colours == "dark" else ("#000000", "#ffffff")
    hh = finance_data.Household(seed, currency)
    journal = Path(work) / "screens-data" / f"household-s{seed}-{currency}.journal"
    journal.parent.mkdir(parents=True, exist_ok=True)
    journal.write_text(hh.ledger_journal())
    tag = f"terminal-s{seed}-{currency}-{w}x{h}-f{font}-{colours}"
    recipe = (f"xterm 379 (DejaVu Sans Mono {font} pt, {colours}) running hledger 1.25 on "
              f"finance_data.Household(seed={seed}, currency={currency}), Xvfb {w}x{h}")
    plan = []
    for stem, what, command in TERMINAL_COMMANDS:
        def act(screen, command=command):
            # the prompt line shows the command as a user types it; the window is larger than the screen, so
            # the screen shows its top-left part like a maximised terminal
            script = screen.home / "show.sh"
            script.write_text(f"cd {journal.parent}\nprintf '%s\\n' '$ {command.format(j=journal.name)}'\n"
                              f"COLUMNS=300 {command.format(j=journal.name)}\nexec sleep 100000\n")
            screen.start(["xterm", "-fa", "DejaVu Sans Mono", "-fs", font, "-fg", fg, "-bg", bg,
                          "-geometry", "300x120+0+0", "-T", "terminal", "-e", "sh", str(script)])
            screen.wait_window("terminal")
            time.sleep(3)
        plan.append((f"{tag}__{stem}", what, act))
    return run_plan(work, out_dir, tag, plan, recipe, (w, h), lambda screen: screen, per_step_session=True)


# ----------------------------------------------------------------------------------------------- LibreOffice Calc
LO_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>7.4</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
DEBIAN_PYTHON = "/usr/bin/python3"   # has python3-xlsxwriter; the python running corpus.py may not


def calc_screens(work, out_dir, spec):
    """spec: 'workbooks=household seed=7 currency=USD size=1600x1000' (money workbooks of a household),
    'workbooks=other seed=7 size=...' (numbers that are not money) or 'workbooks=xlsxwriter-examples size=...'
    (XlsxWriter's shipped example scripts run) -> each workbook open in LibreOffice Calc, first screen."""
    opts = dict(part.split("=", 1) for part in spec.split())
    w, h = map(int, opts["size"].split("x"))
    kind = opts["workbooks"]
    folder = Path(work) / "screens-data" / f"calc-{kind}-{opts.get('seed', 'x')}"
    here = Path(__file__).resolve().parent
    if kind == "xlsxwriter-examples":
        books = xlsxwriter_example_books(folder)
        tag, source = f"calc-xlsxwriter-{w}x{h}", "XlsxWriter 3.0.2 example"
    else:
        args = [kind, str(folder), opts["seed"]] + ([opts["currency"]] if kind == "household" else [])
        books = json.loads(subprocess.run([DEBIAN_PYTHON, str(here / "workbooks.py"), *args], check=True,
                                          capture_output=True, text=True).stdout)
        tag = f"calc-{kind}-s{opts['seed']}-{w}x{h}"
        source = "workbooks.py (XlsxWriter 3.0.2)"
    recipe = f"LibreOffice Calc 7.4.7 (Xvfb {w}x{h}) showing"
    plan = []
    for name, what in books:
        def act(screen, name=name):
            profile = screen.home / "lo"
            (profile / "user").mkdir(parents=True, exist_ok=True)
            (profile / "user" / "registrymodifications.xcu").write_text(LO_REGISTRY)
            screen.start(["soffice", "--calc", "--norestore", "--nologo", f"-env:UserInstallation=file://{profile}",
                          str(folder / name)])
            wid = screen.wait_window(re.escape(name) + ".*LibreOffice Calc", timeout=180)
            screen.xdo("windowmove", wid, 0, 0)
            screen.xdo("windowsize", wid, screen.width, screen.height)
            time.sleep(4)
            screen.park_mouse()
        plan.append((f"{tag}__{finance_safe(Path(name).stem)}", f"{source} '{name}': {what}", act))
    return run_plan(work, out_dir, tag, [(s_, f"{recipe} {what}", a) for s_, what, a in plan], "", (w, h),
                    lambda screen: screen, per_step_session=True)


def xlsxwriter_example_books(folder):
    """Runs XlsxWriter's shipped examples (those that need nothing but XlsxWriter) in folder;
    returns [(workbook, 'example script.py')]."""
    examples = Path("/usr/share/doc/python3-xlsxwriter/examples")
    folder.mkdir(parents=True, exist_ok=True)
    books = []
    for script in sorted(examples.glob("*.py")):
        before = set(folder.glob("*.xls[xm]"))
        for aux in examples.iterdir():
            if aux.suffix != ".py" and aux.is_file():
                (folder / aux.name).write_bytes(aux.read_bytes())
        r = subprocess.run([DEBIAN_PYTHON, str(script)], cwd=folder, capture_output=True, timeout=120)
        if r.returncode != 0:
            continue          # needs pandas, django, a server, ...: not run
        for book in sorted(set(folder.glob("*.xls[xm]")) - before):
            books.append((book.name, f"written by {script.name}"))
    return books


DRIVERS = {"kmymoney": kmymoney_screens, "hledger-web": hledger_web_screens, "terminal": terminal_screens,
           "calc": calc_screens}
