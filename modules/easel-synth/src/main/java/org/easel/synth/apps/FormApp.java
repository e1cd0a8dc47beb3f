package org.easel.synth.apps;

import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.util.List;
import java.util.Locale;
import org.easel.synth.content.Finance;
import org.easel.synth.content.Plain;
import org.easel.synth.render.Money;
import org.easel.synth.render.Words;
import org.easel.synth.ui.Icons;
import org.easel.synth.ui.Table;
import org.easel.synth.ui.TableView;
import org.easel.synth.ui.Ui;

/**
 * Forms: labelled fields, combos, toggles, sliders and buttons, in a settings window (side categories) or a
 * dialog. Financial forms ask for and show amounts (a transaction, a transfer, a new account's opening balance,
 * a loan calculator, an invoice line); ordinary ones set preferences, levels, print options, image size, search.
 */
public final class FormApp implements App {
    public enum Form {
        TRANSACTION(true), TRANSFER(true), NEW_ACCOUNT(true), LOAN(true), INVOICE_EDITOR(true),
        PREFERENCES(false), LEVELS(false), PRINT(false), IMAGE_SIZE(false), FIND(false), ABOUT(false), OPEN_FILE(false);

        final boolean financial;

        Form(boolean financial) {
            this.financial = financial;
        }
    }

    private final Form form;

    public FormApp(Form form) {
        this.form = form;
    }

    public Form form() {
        return form;
    }

    @Override
    public String name() {
        return "form." + form.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean financial() {
        return form.financial;
    }

    @Override
    public String title(Ui u) {
        return switch (form) {
            case TRANSACTION -> u.pick("New Transaction", "Enter Transaction", "Edit Transaction", "Add Expense");
            case TRANSFER -> u.pick("Transfer Funds", "Transfer", "Move Money");
            case NEW_ACCOUNT -> u.pick("New Account", "Account Properties", "Edit Account");
            case LOAN -> u.pick("Loan Calculator", "Mortgage Repayment", "Loan Repayment Calculator");
            case INVOICE_EDITOR -> u.pick("Edit Invoice", "New Invoice", "Invoice") + " INV-" + u.i(1000, 9999);
            case PREFERENCES -> u.pick("Preferences", "Settings", "Options", "System Settings", "Configure");
            case LEVELS -> u.pick("Levels", "Curves", "Histogram", "Brightness-Contrast", "Adjust Levels");
            case PRINT -> "Print";
            case IMAGE_SIZE -> u.pick("Scale Image", "Image Size", "Resize Image", "Canvas Size");
            case FIND -> u.pick("Find and Replace", "Find", "Search");
            case ABOUT -> "About " + Words.title(u.r, 1);
            case OPEN_FILE -> u.pick("Open File", "Open", "Save As", "Export Image");
        };
    }

    public List<String> buttons(Ui u) {
        return switch (form) {
            case ABOUT -> List.of("Credits", "Close");
            case FIND -> List.of("Close", "Replace All", "Find Next");
            case PRINT -> List.of("Cancel", "Print");
            case OPEN_FILE -> List.of("Cancel", "Open");
            case INVOICE_EDITOR -> List.of("Cancel", "Save", "Post");
            default -> u.p(0.5) ? List.of("Help", "Cancel", "OK") : List.of("Cancel", u.pick("OK", "Apply", "Enter", "Save"));
        };
    }

    /** Full-window settings page (categories on the left) around the form. */
    @Override
    public void draw(Ui u, Rectangle client, Env env) {
        Rectangle r = client;
        if (u.p(0.7)) {
            List<String> cats = form.financial ? List.of("General", "Accounts", "Currency", "Taxes", "Reports", "Online Banking", "Backup")
                    : List.of("General", "Appearance", "Display", "Network", "Sound", "Keyboard", "Privacy", "Printers", "About");
            r = Shell.side(u, r, TableView.list("", cats, Icons.Kind.GEAR), u.u(0.18, 0.26));
        }
        u.fill(u.s.window(), r.x, r.y, r.width, r.height);
        body(u, Shell.inset(r, 18), env);
    }

    /** Draws the form's fields into {@code r} (the body of a dialog or page). */
    public void body(Ui u, Rectangle r, Env env) {
        Money m = env.money();
        double labelW = Math.min(190, r.width * 0.35);
        double fieldW = Math.min(r.width - labelW - 10, u.u(180, 420));
        int h = u.s.rowH() + 4;
        double y = r.y;
        double gap = h + u.u(6, 14);
        Shape clip = u.g.getClip();
        u.g.clip(r);
        switch (form) {
            case TRANSACTION, TRANSFER, NEW_ACCOUNT -> {
                List<String[]> rows = switch (form) {
                    case TRANSACTION -> List.of(new String[] {"Date", Finance.date(u, u.i(0, 3), u.i(2012, 2025), u.i(1, 12), u.i(1, 28))},
                            new String[] {"Payee", u.pick(Finance.PAYEES)}, new String[] {"Category", u.pick("Groceries", "Rent", "Auto:Fuel", "Dining")},
                            new String[] {"Amount", "$"}, new String[] {"Memo", u.p(0.5) ? Words.words(u.r, 3) : ""}, new String[] {"Number", "" + u.i(100, 999)});
                    case TRANSFER -> List.of(new String[] {"From account", "Checking (" + m.amount(u.u(100, 9000), 2) + ")"},
                            new String[] {"To account", "Savings"}, new String[] {"Amount", "$"}, new String[] {"Date", Finance.date(u, 2, 2024, u.i(1, 12),
                            u.i(1, 28))}, new String[] {"Description", Words.words(u.r, 2)});
                    default -> List.of(new String[] {"Account name", u.pick("Checking", "Savings", "Visa", "Brokerage")},
                            new String[] {"Account type", u.pick("Bank", "Credit Card", "Asset", "Liability")}, new String[] {"Currency", u.pick("USD", "EUR",
                            "GBP")}, new String[] {"Opening balance", "$"}, new String[] {"Credit limit", "$"}, new String[] {"Notes", ""});
                };
                for (String[] row : rows) {
                    u.label(row[0] + ":", r.x, y, labelW, h);
                    boolean money = row[1].equals("$") || row[1].contains("(");
                    String v = row[1].equals("$") ? m.amount(Math.exp(u.u(Math.log(2), Math.log(20000))), 2) : row[1];
                    if (row[0].equals("Category") || row[0].contains("type")) {
                        u.combo(r.x + labelW, y, fieldW, h, v);
                    } else {
                        u.field(r.x + labelW, y, fieldW, h, v, money, money && u.p(0.6));
                    }
                    y += gap;
                }
                if (u.p(0.6)) {
                    u.checkbox(r.x + labelW, y, u.pick("Reconciled", "Recurring", "Tax related", "Split transaction"), u.p(0.5));
                    y += gap;
                }
                if (form == Form.TRANSACTION && y + 3 * h < r.y + r.height) {
                    u.text("Splits", r.x, y + h * 0.7, u.ui(Font.BOLD, 1f), u.s.text());
                    y += h;
                    Table t = Finance.invoiceLines(u, m, u.i(2, 4));
                    TableView.draw(u, new Rectangle(r.x, (int) y, r.width, (int) Math.min(r.y + r.height - y, 5 * u.s.rowH())), t, TableView.Style.random(u));
                }
            }
            case LOAN -> {
                double amount = u.u(5000, 600000);
                for (String[] row : List.of(new String[] {"Loan amount", m.amount(amount, 2)}, new String[] {"Interest rate", String.format("%.2f %%",
                        u.u(1, 9))}, new String[] {"Term (years)", Integer.toString(u.i(2, 30))}, new String[] {"Monthly payment", m.amount(amount / u.u(60, 300),
                        2)}, new String[] {"Total interest", m.amount(amount * u.u(0.1, 0.8), 2)})) {
                    u.label(row[0] + ":", r.x, y, labelW, h);
                    boolean money = row[1].chars().anyMatch(Character::isDigit) && !row[0].startsWith("Interest") && !row[0].startsWith("Term");
                    u.field(r.x + labelW, y, fieldW, h, row[1], money, true);
                    y += gap;
                }
            }
            case INVOICE_EDITOR -> {
                u.label("Customer:", r.x, y, labelW, h);
                u.combo(r.x + labelW, y, fieldW, h, Words.company(u.r));
                y += gap;
                u.label("Date:", r.x, y, labelW, h);
                u.field(r.x + labelW, y, fieldW * 0.6, h, Finance.date(u, 2, 2024, u.i(1, 12), u.i(1, 28)), false, false);
                y += gap;
                Table t = Finance.invoiceLines(u, m, u.i(3, 9));
                int th = (int) Math.max(60, r.y + r.height - y - 3 * gap);
                TableView.draw(u, new Rectangle(r.x, (int) y, r.width, th), t, TableView.Style.random(u));
                y += th + 8;
                for (String label : List.of("Subtotal", "Tax", "Total")) {
                    u.textRight(label + ":", r.x + r.width - fieldW * 0.6 - 12, u.baseline(u.ui(), y, h), u.ui(), u.s.text(), false);
                    u.field(r.x + r.width - fieldW * 0.6, y, fieldW * 0.6, h, m.amount(u.u(10, 20000), 2), true, true);
                    y += gap;
                }
            }
            case PREFERENCES -> {
                String[] labels = {"Show hidden files", "Dark style", "Automatic updates", "Remember window size", "Single-click to open", "Sort folders first",
                        "Enable animations", "Use system font", "Night light", "Autosave every 10 minutes", "Show line numbers", "Spell check"};
                for (int k = 0; k < u.i(4, 9) && y < r.y + r.height - h; k++) {
                    double kind = u.u(0, 1);
                    u.label(u.pick(labels), r.x, y, Math.min(r.width * 0.55, 300), h);
                    double wx = r.x + Math.min(r.width * 0.55, 300);
                    if (kind < 0.45) {
                        u.toggle(wx, y + 2, u.p(0.5));
                    } else if (kind < 0.7) {
                        u.combo(wx, y, Math.min(200, r.width - wx + r.x), h, u.pick("Automatic", "Always", "Never", "English (US)", "100%", "Medium",
                                u.i(8, 16) + " pt"));
                    } else if (kind < 0.85) {
                        u.slider(wx, y + h / 2.0, Math.min(200, r.width - wx + r.x), u.u(0, 1));
                    } else {
                        u.field(wx, y, Math.min(200, r.width - wx + r.x), h, u.pick("/home/" + Words.firstName(u.r).toLowerCase(), u.i(1, 60) + " min",
                                u.i(1, 9999) + " px", Words.word(u.r)), false, false);
                    }
                    y += gap;
                }
            }
            case LEVELS -> {
                u.label("Channel:", r.x, y, 90, h);
                u.combo(r.x + 90, y, 140, h, u.pick("Value", "Red", "Green", "Blue", "Luminance"));
                y += gap;
                int hh = (int) Math.min(r.height * 0.45, 180);
                CanvasApp.Histogram.draw(u, new Rectangle(r.x, (int) y, r.width, hh));
                y += hh + 10;
                u.slider(r.x, y, r.width, u.u(0, 0.3));
                y += 16;
                for (String s : List.of(Integer.toString(u.i(0, 40)), String.format("%.2f", u.u(0.6, 1.6)), Integer.toString(u.i(200, 255)))) {
                    u.field(r.x + (r.width - 70) * (s.contains(".") ? 0.5 : s.length() > 2 && Integer.parseInt(s) > 100 ? 1 : 0), y, 70, h, s, false, true);
                }
                y += gap;
                u.checkbox(r.x, y, "Preview", true);
            }
            case PRINT -> {
                for (String[] row : List.of(new String[] {"Printer", u.pick("HP LaserJet", "Brother HL-L2350", "Print to File", "EPSON XP-") + u.i(100, 900)},
                        new String[] {"Copies", Integer.toString(u.i(1, 5))}, new String[] {"Pages", u.pick("All", "1-" + u.i(2, 40), "Current page")},
                        new String[] {"Paper size", u.pick("A4", "Letter", "A5")}, new String[] {"Orientation", u.pick("Portrait", "Landscape")},
                        new String[] {"Scale", u.i(50, 100) + "%"})) {
                    u.label(row[0] + ":", r.x, y, labelW, h);
                    u.combo(r.x + labelW, y, fieldW, h, row[1]);
                    y += gap;
                }
            }
            case IMAGE_SIZE -> {
                for (String[] row : List.of(new String[] {"Width", Integer.toString(u.i(320, 6000))}, new String[] {"Height", Integer.toString(u.i(240, 4000))},
                        new String[] {"X resolution", u.pick("72.000", "96.000", "300.000")}, new String[] {"Y resolution", u.pick("72.000", "300.000")},
                        new String[] {"Interpolation", u.pick("Cubic", "Linear", "NoHalo", "LoHalo")})) {
                    u.label(row[0] + ":", r.x, y, labelW, h);
                    u.field(r.x + labelW, y, fieldW * 0.5, h, row[1], false, true);
                    u.text(u.pick("px", "pixels/in", ""), r.x + labelW + fieldW * 0.5 + 8, u.baseline(u.ui(), y, h), u.ui(), u.s.dim());
                    y += gap;
                }
            }
            case FIND -> {
                u.label("Find:", r.x, y, 90, h);
                u.field(r.x + 90, y, r.width - 90, h, Words.words(u.r, u.i(1, 3)), false, false);
                y += gap;
                u.label("Replace:", r.x, y, 90, h);
                u.field(r.x + 90, y, r.width - 90, h, u.p(0.5) ? Words.word(u.r) : "", false, false);
                y += gap;
                for (String c : List.of("Match case", "Whole words only", "Regular expressions", "Wrap around")) {
                    u.checkbox(r.x + 90, y, c, u.p(0.4));
                    y += h;
                }
            }
            case ABOUT -> {
                Icons.draw(u, u.pick(Icons.Kind.values()), r.x + r.width / 2.0 - 32, y, 64);
                y += 90;
                u.textCenter(Words.title(u.r, u.i(1, 2)), r.x + r.width / 2.0, y, u.ui(Font.BOLD, 1.5f), u.s.text());
                y += u.s.fontPx() * 2;
                u.textCenter("Version " + u.i(0, 12) + "." + u.i(0, 30) + "." + u.i(0, 9), r.x + r.width / 2.0, y, u.ui(), u.s.dim());
                y += u.s.fontPx() * 2;
                u.paragraph(Words.paragraph(u.r, 3), r.x + 10, y, r.width - 20, r.y + r.height - 20, u.ui(), u.s.text(), 1.3);
                u.textCenter("© " + u.i(1995, 2024) + "–" + u.i(2024, 2025) + " The " + Words.title(u.r, 1) + " developers", r.x + r.width / 2.0,
                        r.y + r.height - 6, u.ui(Font.PLAIN, 0.9f), u.s.dim());
            }
            case OPEN_FILE -> {
                Rectangle rest = Shell.side(u, r, Plain.folderTree(u), 0.28);
                TableView.draw(u, new Rectangle(rest.x, rest.y, rest.width, rest.height - h - 10), Plain.files(u, 30), TableView.Style.random(u));
                u.field(rest.x, rest.y + rest.height - h, rest.width, h, Plain.fileName(u), false, false);
            }
        }
        u.g.setClip(clip);
    }
}
