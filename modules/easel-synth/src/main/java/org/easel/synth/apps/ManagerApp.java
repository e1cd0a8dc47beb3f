package org.easel.synth.apps;

import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import java.util.Locale;
import org.easel.synth.content.Finance;
import org.easel.synth.content.Plain;
import org.easel.synth.render.Money;
import org.easel.synth.render.Words;
import org.easel.synth.ui.ChartView;
import org.easel.synth.ui.Icons;
import org.easel.synth.ui.Table;
import org.easel.synth.ui.TableView;
import org.easel.synth.ui.Ui;

/**
 * The commonest desktop program layout — a side panel with a tree, tabs, a big table and a status bar —
 * filled either by a finance program (register, account tree, budget, report, portfolio, price list, invoice
 * list) or by an ordinary one (file manager, mail, system monitor, package manager, music library, bug tracker).
 */
public final class ManagerApp implements App {
    /** What the manager shows; financial views come first. */
    public enum View {
        REGISTER(true), ACCOUNTS(true), BUDGET(true), REPORT(true), PORTFOLIO(true), PRICES(true), INVOICES(true),
        FILES(false), MAIL(false), PROCESSES(false), PACKAGES(false), MUSIC(false), ISSUES(false);

        final boolean financial;

        View(boolean financial) {
            this.financial = financial;
        }
    }

    private final View view;

    public ManagerApp(View view) {
        this.view = view;
    }

    @Override
    public String name() {
        return "manager." + view.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean financial() {
        return view.financial;
    }

    @Override
    public String title(Ui u) {
        String file = Words.word(u.r);
        return switch (view) {
            case REGISTER, ACCOUNTS, BUDGET, REPORT -> file + u.pick(".gnucash", ".kmy", ".xhb", ".skg", " - Money") + u.pick(" - GnuCash", " - KMyMoney",
                    " - HomeBank", "", " — Finance");
            case PORTFOLIO -> u.pick("Portfolio", "Investments", "Watchlist") + u.pick(" - Money Manager", " — Stocks", "");
            case PRICES -> u.pick("Price list", "Products", "Catalogue") + " " + u.i(2015, 2025) + u.pick(" - Inventory", " — Shop admin", "");
            case INVOICES -> u.pick("Invoices", "Customers", "Receivables") + u.pick(" - Billing", " — Accounting", "");
            case FILES -> u.pick(Plain.fileName(u).replaceAll("\\..*", ""), "Documents", "Home", "Downloads") + u.pick(" - Files", " — Dolphin", " - File Explorer", "");
            case MAIL -> "Inbox - " + Words.firstName(u.r).toLowerCase() + "@" + Words.word(u.r) + ".org" + u.pick(" - Thunderbird", " — Evolution", "");
            case PROCESSES -> u.pick("System Monitor", "Task Manager", "KSysGuard", "htop");
            case PACKAGES -> u.pick("Software", "Synaptic Package Manager", "Discover", "Package Updater");
            case MUSIC -> u.pick("Music", "Rhythmbox", "Elisa", "Lollypop") + u.pick("", " - Library");
            case ISSUES -> u.pick("Issues", "Bug list", "Tasks") + " · " + Words.word(u.r) + u.pick(" - Tracker", "");
        };
    }

    @Override
    public void draw(Ui u, Rectangle client, Env env) {
        Money m = env.money();
        Rectangle r = Shell.top(u, client);
        String left;
        String right = null;
        boolean rightMoney = false;
        if (view.financial) {
            left = u.pick("Grand Total: ", "Net Assets: ", "Present: ", "Balance: ");
            if (u.p(0.7)) {
                left += m.amount(u.u(-5000, 120000), 2);
                right = u.pick("Cleared: ", "Reconciled: ", "Projected: ") + m.amount(u.u(-5000, 120000), 2);
                rightMoney = true;
            } else {
                left = u.pick("Ready", "Saved", u.i(10, 900) + " transactions");
            }
        } else {
            left = u.i(2, 400) + switch (view) {
                case FILES -> u.pick(" items", " items, " + u.i(1, 9) + " selected", " folders");
                case MAIL -> u.pick(" messages", " unread");
                case PROCESSES -> " processes";
                case PACKAGES -> u.pick(" packages listed", " upgradable");
                case MUSIC -> u.pick(" songs", " tracks");
                default -> u.pick(" issues", " open");
            };
            right = u.p(0.5) ? u.pick(String.format("%.1f GB free", u.u(1, 900)), "CPU " + u.i(1, 99) + "%", u.i(1, 50) + " selected") : null;
        }
        // the money shown in the status bar counts only if the status bar is drawn; Shell records it when it is
        r = Shell.bottom(u, r, left, right, rightMoney);
        Table sidebar = sidebar(u, m);
        if (sidebar != null && u.p(0.8)) {
            r = Shell.side(u, r, sidebar, u.u(0.16, 0.26));
        }
        if (u.p(0.45)) {
            List<String> tabs = tabs(u);
            int h = u.tabs(r.x, r.y, r.width, tabs, 0);
            r.y += h;
            r.height -= h;
        }
        Table main = main(u, m, r);
        if (view == View.PORTFOLIO && u.p(0.6)) {
            Rectangle[] parts = Shell.splitBottom(u, r, u.u(0.35, 0.5));
            r = parts[0];
            u.fill(u.s.view(), parts[1].x, parts[1].y + 1, parts[1].width, parts[1].height - 1);
            double[] values = ChartView.walk(u, u.i(30, 120), Money.startPrice(u.r), 0.02);
            int year = u.i(2005, 2025);
            ChartView.draw(u, parts[1], u.i(0, 3), values, v -> m.amount(v, 0), true, i -> Money.date(year, 0, i, 1),
                    u.pick("Value", "Portfolio value", "Net worth"), u.s.accent());
        } else if ((view == View.MAIL || view == View.INVOICES) && u.p(0.7)) {
            Rectangle[] parts = Shell.splitBottom(u, r, u.u(0.35, 0.55));
            r = parts[0];
            preview(u, m, parts[1]);
        }
        TableView.draw(u, r, main, TableView.Style.random(u));
    }

    private Table sidebar(Ui u, Money m) {
        return switch (view) {
            case REGISTER, BUDGET, REPORT -> {
                Table t = new Table().col(Table.Column.text("Account", 1));
                boolean balances = u.p(0.6);
                if (balances) {
                    t.col(Table.Column.money(""));
                }
                for (String a : List.of("Checking", "Savings", "Cash", "Credit Card", "Investments", "Loans")) {
                    if (balances) {
                        t.add(a, m.number(u.u(-3000, 40000), 2));
                    } else {
                        t.add(a).icon(Icons.Kind.FOLDER);
                    }
                }
                yield t;
            }
            case ACCOUNTS, PRICES, INVOICES, PORTFOLIO -> TableView.list("", List.of("Home", "Accounts", "Institutions", "Payees", "Categories",
                    "Schedules", "Reports", "Budgets", "Investments", "Forecast"), Icons.Kind.FOLDER);
            case FILES, PACKAGES, ISSUES -> Plain.folderTree(u);
            case MAIL -> Plain.mailFolders(u);
            case PROCESSES -> TableView.list("", List.of("Processes", "Resources", "File Systems", "Services", "Startup"), Icons.Kind.GRID);
            case MUSIC -> TableView.list("", List.of("Artists", "Albums", "Genres", "Playlists", "Recently added", "Radio"), Icons.Kind.PLAY);
        };
    }

    private List<String> tabs(Ui u) {
        return switch (view) {
            case REGISTER, ACCOUNTS, BUDGET, REPORT, PORTFOLIO, PRICES, INVOICES -> List.of(u.pick("Accounts", "Checking Account", "Overview"),
                    u.pick("Savings", "Credit Card", "Budget"), u.pick("Reports", "Scheduled", "Ledger"));
            default -> List.of(u.pick("Overview", "All", "Home", "Inbox"), u.pick("Details", "Recent", "Favorites"), u.pick("Settings", "Network", "Disks"));
        };
    }

    private Table main(Ui u, Money m, Rectangle r) {
        int rows = Math.max(8, r.height / Math.max(10, u.s.rowH()) + 2);
        return switch (view) {
            case REGISTER -> Finance.register(u, m, rows);
            case ACCOUNTS -> Finance.accountTree(u, m);
            case BUDGET -> Finance.budget(u, m);
            case REPORT -> Finance.report(u, m);
            case PORTFOLIO -> Finance.portfolio(u, m);
            case PRICES -> Finance.priceList(u, m);
            case INVOICES -> invoices(u, m, rows);
            case FILES -> Plain.files(u, rows);
            case MAIL -> Plain.mail(u, rows);
            case PROCESSES -> Plain.processes(u, rows);
            case PACKAGES -> Plain.packages(u, rows);
            case MUSIC -> music(u, rows);
            case ISSUES -> issues(u, rows);
        };
    }

    private static Table invoices(Ui u, Money m, int rows) {
        Table t = new Table().col(Table.Column.text("No.", 0)).col(Table.Column.text("Customer", 1.5)).col(Table.Column.text("Date", 0))
                .col(Table.Column.text("Due", 0)).col(Table.Column.money("Amount")).col(Table.Column.text("Status", 0.5));
        for (int k = 0; k < rows; k++) {
            String status = u.pick("Paid", "Open", "Overdue", "Draft");
            Table.Row row = t.add("INV-" + u.i(1000, 9999), Words.company(u.r), Finance.date(u, 2, u.i(2015, 2025), u.i(1, 12),
                    u.i(1, 28)), Finance.date(u, 2, u.i(2015, 2025), u.i(1, 12), u.i(1, 28)), m.amount(u.u(20, 20000), 2), status);
            if (status.equals("Overdue")) {
                row.color(5, u.s.red());
            }
        }
        return t;
    }

    private static Table music(Ui u, int rows) {
        Table t = new Table().col(Table.Column.number("#")).col(Table.Column.text("Title", 2)).col(Table.Column.text("Artist", 1))
                .col(Table.Column.text("Album", 1)).col(Table.Column.number("Length")).col(Table.Column.number("Plays"));
        for (int k = 0; k < rows; k++) {
            t.add(Integer.toString(k + 1), Words.title(u.r, u.i(1, 4)), Words.person(u.r), Words.title(u.r, u.i(1, 3)), u.i(1, 9) + ":" + String.format("%02d",
                    u.i(0, 59)), Integer.toString(u.i(0, 300)));
        }
        return t;
    }

    private static Table issues(Ui u, int rows) {
        Table t = new Table().col(Table.Column.text("ID", 0)).col(Table.Column.text("Summary", 2.5)).col(Table.Column.text("Status", 0.5))
                .col(Table.Column.text("Priority", 0.4)).col(Table.Column.text("Assignee", 0.8)).col(Table.Column.text("Updated", 0.6));
        for (int k = 0; k < rows; k++) {
            String prio = u.pick("Low", "Normal", "High", "Critical");
            Table.Row row = t.add("#" + u.i(100, 9999), Words.sentence(u.r), u.pick("New", "Open", "In progress", "Resolved", "Closed"), prio,
                    Words.person(u.r), Plain.fileName(u).length() > 0 ? Finance.date(u, 2, u.i(2015, 2025), u.i(1, 12), u.i(1, 28)) : "");
            if (prio.equals("Critical")) {
                row.color(3, u.s.red());
            }
        }
        return t;
    }

    private void preview(Ui u, Money m, Rectangle r) {
        u.fill(u.s.view(), r.x, r.y + 1, r.width, r.height - 1);
        Font f = u.ui();
        Font b = u.ui(Font.BOLD, 1.1f);
        double y = r.y + u.s.fontPx() * 2;
        u.text(view == View.MAIL ? u.pick("Re: weekend plans", "Meeting notes", "Photos from the trip") : "Invoice INV-" + u.i(1000, 9999), r.x + 16, y, b,
                u.s.text());
        y += u.s.fontPx() * 1.8;
        u.text("From: " + Words.person(u.r), r.x + 16, y, f, u.s.dim());
        y += u.s.fontPx() * 2;
        if (view == View.INVOICES) {
            for (String label : List.of("Subtotal", "Tax", "Total due")) {
                u.text(label, r.x + 16, y, f, u.s.text());
                u.money(m.amount(u.u(10, 9000), 2), r.x + 160, y, f, u.s.text());
                y += u.s.fontPx() * 1.6;
            }
        }
        u.paragraph(Words.paragraph(u.r, u.i(3, 8)), r.x + 16, y, r.width - 40, r.y + r.height - 10, f, u.s.text(), 1.3);
    }
}
