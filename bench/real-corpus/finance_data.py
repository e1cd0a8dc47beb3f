"""Seeded household finances for the screens recipes: the same seed always gives the same data.

The data are made up (random amounts around realistic levels), but the programs that show them are real: KMyMoney
reads them as its own XML file (`kmymoney_xml`), hledger/ledger read them as a journal (`ledger_journal`), LibreOffice
Calc reads them as CSV (`register_csv`). Standard library only.
"""
import datetime as dt
import gzip
import random
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

# Per "household" flavour: currency and the names that go with it.
FLAVOURS = {
    "USD": {"symbol": "$", "name": "US Dollar", "bank": ["First Harbor Bank", "Prairie Credit Union"],
            "employer": "Northwind Logistics", "city": "Springfield",
            "rent": 1450, "salary": 4250},
    "EUR": {"symbol": "€", "name": "Euro", "bank": ["Stadtsparkasse Lindenau", "Volksbank Rheintal"],
            "employer": "Kessler Maschinenbau GmbH", "city": "Lindenau", "rent": 980, "salary": 3380},
    "GBP": {"symbol": "£", "name": "British Pound", "bank": ["Severn Building Society", "Northgate Bank"],
            "employer": "Harrow & Finch Ltd", "city": "Worcester", "rent": 1100, "salary": 2950},
}

EXPENSES = {  # category -> (subcategories, payees, typical amount, times per month)
    "Groceries": ([], ["FreshMart", "Green Valley Market", "Corner Grocer", "Aldwick Foods"], 62, 6),
    "Dining": ([], ["Luigi's Trattoria", "Blue Door Cafe", "Noodle House", "Burger Barn"], 28, 3),
    "Utilities": (["Electricity", "Water", "Internet", "Phone"], ["City Power & Light", "Metro Water",
                                                                   "FiberNet", "Callwave Mobile"], 70, 4),
    "Auto": (["Fuel", "Insurance", "Repairs"], ["Shell Station", "Safeway Insurance", "QuickFix Garage"], 55, 3),
    "Healthcare": ([], ["Riverside Pharmacy", "Dr. Patel Clinic"], 45, 1),
    "Entertainment": ([], ["Cinema Palace", "StreamFlix", "City Museum"], 24, 2),
    "Clothing": ([], ["Harbor Outfitters", "Kids Corner"], 58, 1),
    "Household": ([], ["HomeBase Hardware", "IKEA"], 40, 1),
    "Insurance": ([], ["Guardian Life"], 38, 1),
    "Gifts": ([], ["Book Nook", "Florist Rose"], 35, 1),
}


@dataclass
class Account:
    id: str
    name: str
    type: int                 # KMyMoney account type
    parent: str
    kind: str                 # asset / liability / income / expense / equity / stock
    currency: str
    children: list = field(default_factory=list)


@dataclass
class Split:
    account: str
    value: int                # in cents (or shares*100 for stock splits)
    shares: int = None
    payee: str = ""
    action: str = ""
    memo: str = ""
    price: str = "1/1"
    reconcile: int = 0


@dataclass
class Txn:
    date: dt.date
    splits: list
    memo: str = ""


class Household:
    """A deterministic two-and-a-half-year money history for one seed."""

    def __init__(self, seed, currency="USD", start=dt.date(2022, 1, 1), end=dt.date(2024, 6, 30)):
        self.rng = random.Random(seed)
        self.seed, self.currency, self.start, self.end = seed, currency, start, end
        self.flavour = FLAVOURS[currency]
        self.accounts = {}
        self.payees = {}
        self.txns = []
        self.securities = []      # (id, name, symbol, price history [(date, cents)])
        self.schedules = []
        self._build_accounts()
        self._build_history()

    # ------------------------------------------------------------------ accounts
    def _acc(self, aid, name, type_, parent, kind, currency=None):
        a = Account(aid, name, type_, parent, kind, currency or self.currency)
        self.accounts[aid] = a
        if parent:
            self.accounts[parent].children.append(aid)
        return aid

    def _build_accounts(self):
        for aid, name, t, kind in (("AStd::Asset", "Asset", 9, "asset"), ("AStd::Liability", "Liability", 10,
                                   "liability"), ("AStd::Income", "Income", 12, "income"),
                                   ("AStd::Expense", "Expense", 13, "expense"), ("AStd::Equity", "Equity", 16,
                                                                                  "equity")):
            self._acc(aid, name, t, "", kind)
        n = iter(range(1, 1000))
        nid = lambda: f"A{next(n):06d}"   # noqa: E731
        bank = self.flavour["bank"]
        self.checking = self._acc(nid(), f"{bank[0].split()[0]} Checking", 1, "AStd::Asset", "asset")
        self.savings = self._acc(nid(), f"{bank[1].split()[0]} Savings", 2, "AStd::Asset", "asset")
        self.cash = self._acc(nid(), "Wallet", 3, "AStd::Asset", "asset")
        self.card = self._acc(nid(), "Visa Card", 4, "AStd::Liability", "liability")
        self.carloan = self._acc(nid(), "Car Loan", 10, "AStd::Liability", "liability")
        self.invest = self._acc(nid(), "Brokerage", 7, "AStd::Asset", "asset")
        self.opening = self._acc(nid(), "Opening Balances", 16, "AStd::Equity", "equity")
        self.salary = self._acc(nid(), "Salary", 12, "AStd::Income", "income")
        self.interest = self._acc(nid(), "Interest", 12, "AStd::Income", "income")
        self.dividends = self._acc(nid(), "Dividends", 12, "AStd::Income", "income")
        self.rent = self._acc(nid(), "Rent", 13, "AStd::Expense", "expense")
        self.loan_interest = self._acc(nid(), "Loan Interest", 13, "AStd::Expense", "expense")
        self.expense_accounts = {}
        for cat, (subs, payees, amount, per_month) in EXPENSES.items():
            cid = self._acc(nid(), cat, 13, "AStd::Expense", "expense")
            targets = [self._acc(nid(), s, 13, cid, "expense") for s in subs] or [cid]
            self.expense_accounts[cat] = targets
        stocks = [("Acme Industrial", "ACMI", 4200), ("Borealis Energy", "BREN", 2750),
                  ("Cobalt Software", "CBLT", 11890), ("Delta Foods", "DLTF", 6310)]
        self.stock_accounts = []
        for i, (name, sym, price) in enumerate(self.rng.sample(stocks, 3)):
            sid = f"E{i + 1:06d}"
            history = self._price_walk(price)
            self.securities.append((sid, name, sym, history))
            self.stock_accounts.append((self._acc(nid(), name, 15, self.invest, "stock", currency=sid), sid,
                                        history))

    def _price_walk(self, start_cents):
        prices, p, d = [], start_cents / 100, self.start
        while d <= self.end:
            if d.weekday() < 5:
                p *= 1 + self.rng.gauss(0.0004, 0.016)
                prices.append((d, round(p * 100)))
            d += dt.timedelta(days=1)
        return prices

    def payee(self, name):
        if name not in self.payees:
            self.payees[name] = f"P{len(self.payees) + 1:06d}"
        return self.payees[name]

    # ------------------------------------------------------------------ history
    def amount(self, typical):
        return max(199, round(self.rng.lognormvariate(0, 0.45) * typical * 100))

    def _build_history(self):
        f, r = self.flavour, self.rng
        self.txns.append(Txn(self.start, [Split(self.checking, 250000 + r.randrange(0, 300000)),
                                          Split(self.opening, 0)], "Opening balance"))
        self.txns.append(Txn(self.start, [Split(self.savings, 800000 + r.randrange(0, 900000)),
                                          Split(self.opening, 0)], "Opening balance"))
        self.txns.append(Txn(self.start, [Split(self.cash, 12000), Split(self.opening, 0)], "Opening balance"))
        self.txns.append(Txn(self.start, [Split(self.carloan, -1450000), Split(self.opening, 0)], "Opening balance"))
        for t in self.txns:
            t.splits[1].value = -t.splits[0].value
        month = self.start
        loan = 1450000
        while month <= self.end:
            pay = round(f["salary"] * 100 * (1 + r.uniform(-0.01, 0.03)))
            self.add(month.replace(day=min(25, 28)), self.checking, self.salary, pay, f["employer"], "Deposit",
                     "Monthly salary")
            self.add(month.replace(day=1), self.checking, self.rent, -f["rent"] * 100, "Oakwood Properties",
                     "Withdrawal", "Rent")
            interest = round(loan * 0.055 / 12)
            principal = 32000
            loan -= principal
            self.txns.append(Txn(month.replace(day=15), [
                Split(self.checking, -(interest + principal), payee=self.payee("Harbor Auto Finance"),
                      action="Withdrawal"),
                Split(self.carloan, principal, payee=self.payee("Harbor Auto Finance")),
                Split(self.loan_interest, interest, payee=self.payee("Harbor Auto Finance"))], "Car loan payment"))
            self.add(month.replace(day=28), self.savings, self.interest, r.randrange(900, 2400), f["bank"][1],
                     "Deposit", "Interest")
            self.transfer(month.replace(day=26), self.checking, self.savings, r.choice([20000, 25000, 40000]))
            self.txns.append(Txn(month.replace(day=3), [Split(self.checking, -18000, action="Transfer"),
                                                        Split(self.cash, 18000, action="Transfer")], "ATM withdrawal"))
            card_total = 0
            for cat, (subs, payees, typical, per_month) in EXPENSES.items():
                for _ in range(max(0, round(r.gauss(per_month, per_month / 3)))):
                    day = month.replace(day=r.randrange(1, 29))
                    if day > self.end:
                        continue
                    i = r.randrange(len(payees))
                    target = self.expense_accounts[cat][i % len(self.expense_accounts[cat])]
                    value = self.amount(typical)
                    source = r.choices([self.checking, self.card, self.cash], [5, 4, 1])[0]
                    if source == self.card:
                        card_total += value
                    self.add(day, source, target, -value, payees[i], "Withdrawal", "")
            self.txns.append(Txn(month.replace(day=22), [
                Split(self.checking, -card_total, payee=self.payee("Visa Card Services"), action="Withdrawal"),
                Split(self.card, card_total, payee=self.payee("Visa Card Services"))], "Card payment"))
            if month.month % 3 == 0:
                self.buy(month.replace(day=10))
            month = (month.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        self.txns.sort(key=lambda t: t.date)

    def add(self, date, account, category, value, payee, action, memo):
        p = self.payee(payee)
        self.txns.append(Txn(date, [Split(account, value, payee=p, action=action, memo=memo),
                                    Split(category, -value, payee=p, memo=memo)]))

    def transfer(self, date, src, dst, value):
        self.txns.append(Txn(date, [Split(src, -value, action="Transfer"), Split(dst, value, action="Transfer")],
                             "Transfer to savings"))

    def buy(self, date):
        acc, sid, history = self.rng.choice(self.stock_accounts)
        price = next(p for d, p in history if d >= date)
        shares = self.rng.choice([5, 10, 15, 20, 25])
        value = shares * price
        self.txns.append(Txn(date, [
            Split(acc, value, shares=shares * 100, action="Buy", price=f"{price}/100"),
            Split(self.checking, -value, action="Withdrawal")], "Buy shares"))

    # ------------------------------------------------------------------ queries
    def balance(self, aid, upto=None):
        return sum(s.value for t in self.txns if upto is None or t.date <= upto for s in t.splits
                   if s.account == aid)

    def full_name(self, aid):
        names = []
        while aid and not aid.startswith("AStd::"):
            names.append(self.accounts[aid].name)
            aid = self.accounts[aid].parent
        top = {"AStd::Asset": "Assets", "AStd::Liability": "Liabilities", "AStd::Income": "Income",
               "AStd::Expense": "Expenses", "AStd::Equity": "Equity"}[aid]
        return ":".join([top] + names[::-1])

    # ------------------------------------------------------------------ KMyMoney XML
    def kmymoney_xml(self):
        a = quoteattr
        out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE KMYMONEY-FILE>", "<KMYMONEY-FILE>",
               " <FILEINFO>", '  <CREATION_DATE date="2022-01-01"/>', '  <LAST_MODIFIED_DATE date="2024-06-30"/>',
               '  <VERSION id="1"/>', '  <FIXVERSION id="5"/>', " </FILEINFO>",
               ' <USER name="Alex Morgan" email="">',
               f'  <ADDRESS street="12 Elm Street" city={a(self.flavour["city"])} county="" zipcode="" '
               'telephone=""/>', " </USER>"]
        out.append(' <INSTITUTIONS count="2">')
        for i, bank in enumerate(self.flavour["bank"]):
            acc = self.checking if i == 0 else self.savings
            out += [f'  <INSTITUTION id="I{i + 1:06d}" name={a(bank)} manager="" sortcode="">',
                    f'   <ADDRESS street="" city={a(self.flavour["city"])} zip="" telephone=""/>',
                    f'   <ACCOUNTIDS><ACCOUNTID id="{acc}"/></ACCOUNTIDS>', "  </INSTITUTION>"]
        out.append(" </INSTITUTIONS>")
        out.append(f' <PAYEES count="{len(self.payees)}">')
        for name, pid in self.payees.items():
            out += [f'  <PAYEE id="{pid}" name={a(name)} email="" reference="" matchingenabled="0">',
                    '   <ADDRESS street="" city="" postcode="" state="" telephone=""/>', "  </PAYEE>"]
        out += [" </PAYEES>", " <COSTCENTERS/>", ' <TAGS count="0"/>', f' <ACCOUNTS count="{len(self.accounts)}">']
        for acc in self.accounts.values():
            inst = ("I000001" if acc.id == self.checking else "I000002" if acc.id == self.savings else "")
            opened = "" if acc.id.startswith("AStd") else "2022-01-01"
            out.append(f'  <ACCOUNT id="{acc.id}" parentaccount="{acc.parent}" lastreconciled="" '
                       f'lastmodified="2024-06-30" institution="{inst}" opened="{opened}" number="" '
                       f'type="{acc.type}" name={a(acc.name)} description="" currency="{acc.currency}">')
            if acc.children:
                out.append("   <SUBACCOUNTS>" + "".join(f'<SUBACCOUNT id="{c}"/>' for c in acc.children)
                           + "</SUBACCOUNTS>")
            out.append("  </ACCOUNT>")
        out += [" </ACCOUNTS>", f' <TRANSACTIONS count="{len(self.txns)}">']
        for n, t in enumerate(self.txns, start=1):
            out.append(f'  <TRANSACTION id="T{n:018d}" postdate="{t.date}" memo={a(t.memo)} '
                       f'entrydate="{t.date}" commodity="{self.currency}">')
            out.append("   <SPLITS>")
            for k, s in enumerate(t.splits, start=1):
                shares = s.shares if s.shares is not None else s.value
                rec = 2 if t.date < dt.date(2024, 5, 1) else 0
                out.append(f'    <SPLIT id="S{k:04d}" payee="{s.payee}" reconciledate="" action="{s.action}" '
                           f'reconcileflag="{rec}" value="{s.value}/100" shares="{shares}/100" price="{s.price}" '
                           f'memo={a(s.memo)} account="{s.account}" number="" bankid=""/>')
            out += ["   </SPLITS>", "  </TRANSACTION>"]
        out += [" </TRANSACTIONS>", ' <KEYVALUEPAIRS count="1">',
                f'  <PAIR key="kmm-baseCurrency" value="{self.currency}"/>', " </KEYVALUEPAIRS>"]
        out += self._schedules_xml()
        out.append(f' <SECURITIES count="{len(self.securities)}">')
        for sid, name, sym, _ in self.securities:
            out.append(f'  <SECURITY id="{sid}" name={a(name)} symbol="{sym}" type="0" saf="100" pp="4" '
                       f'rounding-method="7" trading-currency="{self.currency}" trading-market="NYSE"/>')
        out += [" </SECURITIES>", ' <CURRENCIES count="1">',
                f'  <CURRENCY id="{self.currency}" name={a(self.flavour["name"])} '
                f'symbol={a(self.flavour["symbol"])} type="3" saf="100" pp="4" scf="100" rounding-method="7"/>',
                " </CURRENCIES>", f' <PRICES count="{len(self.securities)}">']
        for sid, _, _, history in self.securities:
            out.append(f'  <PRICEPAIR from="{sid}" to="{self.currency}">')
            out += [f'   <PRICE date="{d}" price="{p}/100" source="User"/>' for d, p in history if d.weekday() == 4]
            out.append("  </PRICEPAIR>")
        out += [" </PRICES>", ' <REPORTS count="0"/>']
        out += self._budgets_xml()
        out += [' <ONLINEJOBS count="0"/>', "</KMYMONEY-FILE>", ""]
        return "\n".join(out)

    def _schedules_xml(self):
        f = self.flavour
        rows = [("Rent", self.rent, -f["rent"] * 100, "Oakwood Properties", 1),
                ("Salary", self.salary, f["salary"] * 100, f["employer"], 25),
                ("Internet", self.expense_accounts["Utilities"][2], -4999, "FiberNet", 8),
                ("Phone", self.expense_accounts["Utilities"][3], -3500, "Callwave Mobile", 12),
                ("Car insurance", self.expense_accounts["Auto"][1], -8900, "Safeway Insurance", 5),
                ("Life insurance", self.expense_accounts["Insurance"][0], -3800, "Guardian Life", 3)]
        out = [f' <SCHEDULES count="{len(rows)}">']
        for i, (name, cat, value, payee, day) in enumerate(rows, start=1):
            p = self.payee(payee)
            typ = 2 if value > 0 else 1
            out += [f'  <SCHEDULED_TX id="SCH{i:06d}" name="{name}" type="{typ}" occurence="32" '
                    f'occurenceMultiplier="1" paymentType="64" startDate="2022-01-{day:02d}" endDate="" fixed="1" '
                    'autoEnter="0" lastPayment="2024-06-{:02d}" weekendOption="0" lastDayInMonth="0">'.format(day),
                    "   <PAYMENTS/>",
                    f'   <TRANSACTION id="" postdate="2024-07-{day:02d}" memo="" entrydate="" '
                    f'commodity="{self.currency}">', "    <SPLITS>",
                    f'     <SPLIT id="S0001" payee="{p}" reconciledate="" action="" reconcileflag="0" '
                    f'value="{value}/100" shares="{value}/100" price="1/1" memo="" account="{self.checking}" '
                    'number="" bankid=""/>',
                    f'     <SPLIT id="S0002" payee="{p}" reconciledate="" action="" reconcileflag="0" '
                    f'value="{-value}/100" shares="{-value}/100" price="1/1" memo="" account="{cat}" number="" '
                    'bankid=""/>', "    </SPLITS>", "   </TRANSACTION>", "  </SCHEDULED_TX>"]
        out.append(" </SCHEDULES>")
        return out

    def _budgets_xml(self):
        out = [' <BUDGETS count="2">']
        for b, year in enumerate((2023, 2024), start=1):
            out.append(f'  <BUDGET id="B{b:06d}" name="Budget {year}" start="{year}-01-01" version="2">')
            for cat, targets in self.expense_accounts.items():
                typical, per_month = EXPENSES[cat][2], EXPENSES[cat][3]
                for t in targets:
                    monthly = round(typical * per_month / len(targets) * 1.05 / 5) * 500
                    out += [f'   <ACCOUNT id="{t}" budgetlevel="monthly" budgetsubaccounts="0">',
                            f'    <PERIOD amount="{monthly}/100" start="{year}-01-01"/>', "   </ACCOUNT>"]
            out += [f'   <ACCOUNT id="{self.rent}" budgetlevel="monthly" budgetsubaccounts="0">',
                    f'    <PERIOD amount="{self.flavour["rent"] * 100}/100" start="{year}-01-01"/>', "   </ACCOUNT>",
                    f'   <ACCOUNT id="{self.salary}" budgetlevel="monthly" budgetsubaccounts="0">',
                    f'    <PERIOD amount="{self.flavour["salary"] * 100}/100" start="{year}-01-01"/>', "   </ACCOUNT>"]
            out.append("  </BUDGET>")
        out.append(" </BUDGETS>")
        return out

    def write_kmy(self, path):
        with gzip.GzipFile(path, "wb", mtime=0) as f:     # mtime=0: byte-identical for the same seed
            f.write(self.kmymoney_xml().encode("utf-8"))

    # ------------------------------------------------------------------ ledger / hledger journal
    def ledger_journal(self):
        sym = self.flavour["symbol"]
        lines = [f"; Household finances, seed {self.seed} ({self.currency}); made by finance_data.py", ""]
        for sid, name, sym_, history in self.securities:
            for d, p in history:
                if d.weekday() == 4:
                    lines.append(f"P {d} {sym_} {sym}{p / 100:.2f}")
        lines.append("")
        payee_names = {v: k for k, v in self.payees.items()}
        for t in self.txns:
            payee = next((payee_names[s.payee] for s in t.splits if s.payee), "") or t.memo or "Transfer"
            lines.append(f"{t.date} * {payee}")
            for s in t.splits:
                acc = self.accounts[s.account]
                if acc.kind == "stock":
                    sym_ = next(x[2] for x in self.securities if x[0] == acc.currency)
                    price = int(s.price.split("/")[0])
                    lines.append(f"    {self.full_name(s.account):44s} {s.shares // 100} {sym_} @ {sym}{price / 100:.2f}")
                else:
                    lines.append(f"    {self.full_name(s.account):44s} {sym}{s.value / 100:,.2f}")
            lines.append("")
        return "\n".join(lines)

    def register_rows(self, aid):
        """(date, payee, category, amount, running balance) of one account, for spreadsheets."""
        payee_names = {v: k for k, v in self.payees.items()}
        rows, bal = [], 0
        for t in self.txns:
            for s in t.splits:
                if s.account == aid:
                    bal += s.value
                    other = [self.full_name(o.account).split(":", 1)[-1] for o in t.splits if o is not s]
                    rows.append((t.date, payee_names.get(s.payee, t.memo), ", ".join(other), s.value, bal))
        return rows
