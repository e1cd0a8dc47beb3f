package org.easel.synth.content;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.easel.synth.render.Money;
import org.easel.synth.render.Words;
import org.easel.synth.ui.Icons;
import org.easel.synth.ui.Table;
import org.easel.synth.ui.Ui;

/**
 * Money information as personal-finance and accounting programs show it: registers, account trees with
 * balances, budgets, income/expense reports, price lists, invoices, portfolios and spreadsheets of money.
 * Every amount goes into a money column (or is drawn with {@link Ui#money}), which is what makes a render
 * financial under the label rule.
 */
public final class Finance {
    public static final String[] PAYEES = {"Grocery Mart", "City Power & Light", "Rent - Oakridge Apts", "Payroll Deposit", "Fuel Stop #214",
            "Coffee House", "Internet Provider", "Pharmacy Plus", "Hardware Depot", "Book Corner", "Water Utility", "Insurance Co.", "ATM Withdrawal",
            "Transfer to Savings", "Restaurant Milano", "Cinema City", "Online Store", "Gym Membership", "Phone Bill", "Car Repair Shop",
            "Dentist Office", "Bakery", "Interest Earned", "Dividend", "Parking Garage", "Train Tickets", "Streaming Service", "Garden Center",
            "Pet Supplies", "Property Tax", "Credit Card Payment", "Refund", "Opening Balance", "Salary", "Consulting Income"};
    static final String[][] ACCOUNT_TREE = {
            {"Assets", "Current Assets", "Checking Account", "Savings Account", "Petty Cash", "Fixed Assets", "House", "Car"},
            {"Liabilities", "Credit Card", "Mortgage", "Car Loan"},
            {"Income", "Salary", "Bonus", "Interest Income", "Dividends", "Gifts Received"},
            {"Expenses", "Groceries", "Rent", "Utilities", "Electric", "Water", "Gas", "Auto", "Fuel", "Repair and Maintenance", "Insurance",
                    "Dining", "Entertainment", "Medical Expenses", "Taxes", "Phone", "Online Services", "Books", "Clothes", "Charity"},
            {"Equity", "Opening Balances"}};
    static final String[] CATEGORIES = {"Groceries", "Rent", "Utilities:Electric", "Utilities:Water", "Auto:Fuel", "Dining", "Entertainment",
            "Income:Salary", "Insurance", "Medical", "Phone", "Online Services", "Clothes", "Books", "Gifts", "Taxes", "Transfer", "Household"};
    public static final String[] PRODUCTS = {"Office chair", "Desk lamp", "USB-C cable 2 m", "Printer paper A4 (500)", "Ink cartridge black",
            "Notebook A5", "Wireless mouse", "Keyboard", "Monitor 24\"", "Laptop stand", "Web design (hours)", "Consulting (hours)",
            "Hosting, 12 months", "Domain renewal", "Coffee beans 1 kg", "Tea selection", "Water filter", "LED bulb 9 W", "Extension cord",
            "Stapler", "Envelopes C5", "Label printer", "Toner cartridge", "Shipping", "Installation", "Support contract", "Training session"};
    static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private Finance() {
    }

    public static String date(Ui u, int style, int year, int month, int day) {
        return switch (style) {
            case 0 -> String.format("%02d/%02d/%04d", month, day, year);
            case 1 -> String.format("%02d.%02d.%04d", day, month, year);
            case 2 -> String.format("%04d-%02d-%02d", year, month, day);
            default -> String.format("%02d/%02d/%02d", day, month, year % 100);
        };
    }

    /** An account register: dated transactions with deposits, withdrawals and a running balance. */
    public static Table register(Ui u, Money m, int rows) {
        int layout = u.i(0, 3);
        Table t = new Table();
        switch (layout) {
            case 0 -> t.col(Table.Column.text("Date", 0)).col(Table.Column.text("Num", 0)).col(Table.Column.text("Description", 2))
                    .col(Table.Column.text("Transfer", 1.2)).col(Table.Column.text("R", 0)).col(Table.Column.money(u.pick("Deposit", "Increase", "Receive")))
                    .col(Table.Column.money(u.pick("Withdrawal", "Decrease", "Spend"))).col(Table.Column.money("Balance"));
            case 1 -> t.col(Table.Column.text("Date", 0)).col(Table.Column.text("Payee", 2)).col(Table.Column.text("Category", 1.2))
                    .col(Table.Column.text("Memo", 1)).col(Table.Column.money("Payment")).col(Table.Column.money("Deposit"))
                    .col(Table.Column.money("Balance"));
            case 2 -> t.col(Table.Column.text("Date", 0)).col(Table.Column.text("Info", 0)).col(Table.Column.text("Payee", 1.5))
                    .col(Table.Column.text("Memo", 1.5)).col(Table.Column.money("Amount")).col(Table.Column.text("Category", 1))
                    .col(Table.Column.money("Balance"));
            default -> t.col(Table.Column.text("Date", 0)).col(Table.Column.text("Ref", 0)).col(Table.Column.text("Details", 2))
                    .col(Table.Column.money("Debit")).col(Table.Column.money("Credit")).col(Table.Column.money("Balance"));
        }
        int style = u.i(0, 3);
        int year = u.i(2009, 2025);
        int month = u.i(1, 12);
        int day = 1;
        double balance = u.u(200, 25000);
        boolean signedBalance = u.p(0.3);
        for (int k = 0; k < rows; k++) {
            day += u.i(0, 4);
            if (day > 28) {
                day = 1;
                month = month % 12 + 1;
            }
            boolean income = u.p(0.2);
            double amount = income ? u.u(100, 5000) : -Math.exp(u.u(Math.log(3), Math.log(2500)));
            balance += amount;
            String amt = m.number(Math.abs(amount), 2);
            String bal = signedBalance ? m.amount(balance, 2) : m.number(balance, 2);
            String payee = u.pick(PAYEES);
            String cat = u.pick(CATEGORIES);
            String d = date(u, style, year, month, day);
            Table.Row row = switch (layout) {
                case 0 -> t.add(d, u.p(0.3) ? Integer.toString(u.i(100, 9999)) : "", payee, cat, u.pick("n", "c", "y", ""), income ? amt : "",
                        income ? "" : amt, bal);
                case 1 -> t.add(d, payee, cat, u.p(0.4) ? Words.words(u.r, u.i(1, 3)) : "", income ? "" : amt, income ? amt : "", bal);
                case 2 -> t.add(d, u.pick("Debit card", "Transfer", "Cheque", "Standing order", ""), payee, u.p(0.4) ? Words.words(u.r, 2) : "",
                        m.number(amount, 2), cat, bal);
                default -> t.add(d, Integer.toString(u.i(10000, 99999)), payee, income ? "" : amt, income ? amt : "", bal);
            };
            if (balance < 0) {
                row.color(row.cells.length - 1, u.s.red());
            }
            if (layout == 2 && amount < 0 && u.p(0.6)) {
                row.color(4, u.s.red());
            }
        }
        return t;
    }

    /** The chart of accounts with balances, as a tree. */
    public static Table accountTree(Ui u, Money m) {
        Table t = new Table().col(Table.Column.text("Account Name", 2));
        boolean desc = u.p(0.4);
        if (desc) {
            t.col(Table.Column.text("Description", 1));
        }
        t.col(Table.Column.money("Total")).col(Table.Column.money(u.pick("Present", "Balance", "Cleared", "Future Minimum")));
        for (String[] group : ACCOUNT_TREE) {
            double total = 0;
            List<Table.Row> kids = new ArrayList<>();
            for (int k = 1; k < group.length; k++) {
                double v = Math.exp(u.u(Math.log(10), Math.log(90000))) * (group[0].equals("Liabilities") && u.p(0.5) ? -1 : 1);
                total += v;
                String name = group[k];
                String[] cells = desc ? new String[] {name, u.p(0.3) ? Words.words(u.r, 2) : "", m.amount(v, 2), m.amount(v * u.u(0.8, 1), 2)}
                        : new String[] {name, m.amount(v, 2), m.amount(v * u.u(0.8, 1), 2)};
                Table.Row r = new Table.Row(cells).depth(u.p(0.2) ? 2 : 1, false);
                if (v < 0) {
                    r.color(cells.length - 2, u.s.red()).color(cells.length - 1, u.s.red());
                }
                kids.add(r);
            }
            String[] top = desc ? new String[] {group[0], "", m.amount(total, 2), m.amount(total * 0.97, 2)}
                    : new String[] {group[0], m.amount(total, 2), m.amount(total * 0.97, 2)};
            t.rows.add(new Table.Row(top).depth(0, true));
            t.rows.addAll(kids);
        }
        return t;
    }

    /** A budget: categories × months or budgeted / actual / difference. */
    public static Table budget(Ui u, Money m) {
        Table t = new Table().col(Table.Column.text("Category", 1.5));
        boolean months = u.p(0.5);
        int start = u.i(0, 8);
        if (months) {
            for (int k = 0; k < u.i(3, 6); k++) {
                t.col(Table.Column.money(MONTHS[(start + k) % 12]));
            }
            t.col(Table.Column.money("Total"));
        } else {
            t.col(Table.Column.money("Budgeted")).col(Table.Column.money("Actual")).col(Table.Column.money("Difference"))
                    .col(Table.Column.number("% used"));
        }
        for (int k = 0; k < u.i(12, 26); k++) {
            String cat = u.pick(CATEGORIES);
            double base = Math.exp(u.u(Math.log(20), Math.log(3000)));
            if (months) {
                String[] cells = new String[t.columns.size()];
                cells[0] = cat;
                double sum = 0;
                for (int c = 1; c < cells.length - 1; c++) {
                    double v = base * u.u(0.7, 1.3);
                    sum += v;
                    cells[c] = m.number(v);
                }
                cells[cells.length - 1] = m.amount(sum);
                t.add(cells);
            } else {
                double actual = base * u.u(0.4, 1.4);
                double diff = base - actual;
                Table.Row r = t.add(cat, m.amount(base), m.amount(actual), m.number(diff), String.format("%d%%", Math.round(actual / base * 100)));
                if (diff < 0) {
                    r.color(3, u.s.red());
                }
            }
        }
        return t;
    }

    /** An income and expense report: sections, lines and totals. */
    public static Table report(Ui u, Money m) {
        Table t = new Table().col(Table.Column.text(u.pick("Account", "Category", ""), 2));
        int periods = u.i(1, 3);
        int year = u.i(2010, 2025);
        for (int k = 0; k < periods; k++) {
            t.col(Table.Column.money(periods == 1 ? u.pick("Amount", "Total", Integer.toString(year)) : Integer.toString(year - periods + 1 + k)));
        }
        for (String section : new String[] {"Income", "Expenses"}) {
            t.add(section).bold();
            double[] sums = new double[periods];
            for (int k = 0; k < u.i(3, 9); k++) {
                String[] cells = new String[periods + 1];
                cells[0] = u.pick(section.equals("Income") ? new String[] {"Salary", "Bonus", "Interest", "Dividends", "Consulting", "Rental income"}
                        : CATEGORIES);
                double base = Math.exp(u.u(Math.log(50), Math.log(60000)));
                for (int p = 0; p < periods; p++) {
                    double v = base * u.u(0.8, 1.2);
                    sums[p] += v;
                    cells[p + 1] = m.number(v);
                }
                t.add(cells).depth(1, false);
            }
            String[] total = new String[periods + 1];
            total[0] = "Total " + section;
            for (int p = 0; p < periods; p++) {
                total[p + 1] = m.amount(sums[p]);
            }
            t.add(total).bold();
        }
        String[] net = new String[periods + 1];
        net[0] = u.pick("Net Income", "Net Profit", "Net Savings", "Surplus / (Deficit)");
        Table.Row r = new Table.Row(net).bold();
        for (int p = 0; p < periods; p++) {
            double v = u.u(-20000, 40000);
            net[p + 1] = m.amount(v);
            if (v < 0) {
                r.color(p + 1, u.s.red());
            }
        }
        t.rows.add(r);
        return t;
    }

    /** A price list or product catalogue. */
    public static Table priceList(Ui u, Money m) {
        Table t = new Table().col(Table.Column.text(u.pick("Item", "Product", "Description"), 2)).col(Table.Column.text(u.pick("SKU", "Code", "Ref."), 0));
        if (u.p(0.5)) {
            t.col(Table.Column.text("Unit", 0));
        }
        t.col(Table.Column.money(u.pick("Price", "Unit price", "List price", "Net")));
        if (u.p(0.5)) {
            t.col(Table.Column.money(u.pick("Price incl. VAT", "Gross", "Sale price")));
        }
        for (int k = 0; k < u.i(10, 30); k++) {
            double p = Math.exp(u.u(Math.log(0.5), Math.log(2000)));
            List<String> cells = new ArrayList<>(List.of(u.pick(PRODUCTS), Words.upperLetters(u.r, 2) + "-" + u.i(1000, 99999)));
            if (t.columns.size() == 5 || t.columns.size() == 4 && t.columns.get(2).name().equals("Unit")) {
                cells.add(u.pick("pc", "box", "h", "kg", "m", "pack"));
            }
            cells.add(m.amount(p, 2));
            if (cells.size() < t.columns.size()) {
                cells.add(m.amount(p * 1.2, 2));
            }
            t.add(cells.toArray(String[]::new));
        }
        return t;
    }

    /** Invoice lines: description, quantity, unit price, line total. */
    public static Table invoiceLines(Ui u, Money m, int n) {
        Table t = new Table().col(Table.Column.text("Description", 2)).col(Table.Column.number(u.pick("Qty", "Quantity", "Hours")))
                .col(Table.Column.money(u.pick("Unit price", "Rate", "Price"))).col(Table.Column.money(u.pick("Amount", "Total", "Line total")));
        for (int k = 0; k < n; k++) {
            int q = u.i(1, 40);
            double p = Math.exp(u.u(Math.log(2), Math.log(900)));
            t.add(u.pick(PRODUCTS), Integer.toString(q), m.amount(p, 2), m.amount(p * q, 2));
        }
        return t;
    }

    /** A portfolio of holdings with price, value and gain. */
    public static Table portfolio(Ui u, Money m) {
        Table t = new Table().col(Table.Column.text("Symbol", 0)).col(Table.Column.text("Name", 1.5)).col(Table.Column.number("Shares"))
                .col(Table.Column.money("Price")).col(Table.Column.money(u.pick("Value", "Market value"))).col(Table.Column.money(u.pick("Gain", "Gain/Loss")))
                .col(Table.Column.number("%"));
        for (int k = 0; k < u.i(6, 20); k++) {
            double price = Money.startPrice(u.r);
            int shares = u.i(1, 800);
            double change = u.u(-0.35, 0.6);
            Table.Row r = t.add(Money.ticker(u.r), Words.company(u.r), Integer.toString(shares), m.amount(price, 2),
                    m.number(price * shares, 2), m.signed(price * shares * change, 2), m.percent(change * 100, true));
            Color c = change < 0 ? u.s.red() : u.s.green();
            r.color(5, c).color(6, c);
        }
        return t;
    }

    /** A spreadsheet of money: rows of items or categories, month columns with amounts, sums and red negatives. */
    public static Table moneySheet(Ui u, Money m) {
        Table t = new Table();
        int cols = u.i(3, 8);
        int start = u.i(0, 11);
        t.col(Table.Column.text("", 1.5));
        for (int c = 0; c < cols; c++) {
            t.col(Table.Column.money(""));
        }
        String[] head = new String[cols + 1];
        head[0] = u.pick("Category", "Item", "Expense", "Account", "Project", "Region");
        for (int c = 0; c < cols; c++) {
            head[c + 1] = c == cols - 1 && u.p(0.5) ? "Total" : MONTHS[(start + c) % 12] + (u.p(0.3) ? " " + u.i(2015, 2025) : "");
        }
        t.add(head).bold();
        int rows = u.i(8, 30);
        double[] sums = new double[cols];
        boolean signs = u.p(0.5);
        for (int k = 0; k < rows; k++) {
            String[] cells = new String[cols + 1];
            cells[0] = u.pick(u.p(0.5) ? CATEGORIES : PRODUCTS);
            Table.Row row = new Table.Row(cells);
            double base = Math.exp(u.u(Math.log(5), Math.log(20000)));
            for (int c = 0; c < cols; c++) {
                double v = base * u.u(0.6, 1.4) * (u.p(0.08) ? -1 : 1);
                sums[c] += v;
                cells[c + 1] = signs ? m.amount(v) : m.number(v);
                if (v < 0 && u.p(0.8)) {
                    row.color(c + 1, u.s.red());
                }
            }
            t.rows.add(row);
        }
        String[] total = new String[cols + 1];
        total[0] = u.pick("Total", "Sum", "TOTAL", "Net");
        for (int c = 0; c < cols; c++) {
            total[c + 1] = m.amount(sums[c]);
        }
        t.add(total).bold();
        return t;
    }

    /** Plain-text accounting journal lines (ledger / hledger / beancount style). */
    public static List<Line> journal(Ui u, Money m, int lines) {
        List<Line> out = new ArrayList<>();
        int year = u.i(2012, 2025);
        int month = u.i(1, 12);
        String cur = u.pick("USD", "EUR", "GBP", "$", "€", "CHF");
        boolean prefix = cur.length() == 1;
        while (out.size() < lines) {
            String payee = u.pick(PAYEES);
            out.add(Line.plain(String.format("%d-%02d-%02d %s \"%s\"", year, month, u.i(1, 28), u.pick("*", "!", "*"), payee)));
            double v = Math.exp(u.u(Math.log(3), Math.log(3000)));
            String amount = prefix ? cur + String.format("%.2f", v) : String.format("%.2f %s", v, cur);
            out.add(new Line("    Expenses:" + u.pick(CATEGORIES).replace(' ', '-').replace(":", "") + pad(40) + amount, true));
            out.add(Line.plain("    " + u.pick("Assets:Checking", "Liabilities:CreditCard", "Assets:Cash", "Assets:Bank:Savings")));
            out.add(Line.plain(""));
            month = u.p(0.2) ? month % 12 + 1 : month;
        }
        return out;
    }

    private static String pad(int n) {
        return " ".repeat(Math.max(2, n / 8));
    }

    public static String amountLine(Ui u, Money m, String label) {
        return label + ": " + m.amount(Math.exp(u.u(Math.log(10), Math.log(90000))), 2);
    }

    /** Terminal output of a plain-text accounting tool: balances per account, or a register. */
    public static List<Line> ledgerOutput(Ui u, Money m, int lines) {
        List<Line> out = new ArrayList<>();
        String cmd = u.pick("hledger balance", "ledger -f journal.dat bal", "ledger reg checking", "hledger register expenses", "bean-report ledger.beancount balances");
        out.add(Line.plain("$ " + cmd));
        double total = 0;
        while (out.size() < lines - 2) {
            double v = Math.exp(u.u(Math.log(3), Math.log(40000))) * (u.p(0.2) ? -1 : 1);
            total += v;
            String acct = u.pick("Assets:Checking", "Assets:Savings", "Expenses:Food", "Expenses:Rent", "Income:Salary", "Liabilities:Visa",
                    "Expenses:Utilities", "Expenses:Transport", "Income:Interest");
            String amount = m.amount(v, 2);
            out.add(new Line(String.format("%16s  %s", amount, acct), true));
        }
        out.add(Line.plain("--------------------"));
        out.add(new Line(String.format("%16s", m.amount(total, 2)), true));
        return out;
    }
}
