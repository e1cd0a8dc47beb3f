package org.easel.synth.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.easel.synth.apps.App;
import org.easel.synth.apps.CalendarApp;
import org.easel.synth.apps.CanvasApp;
import org.easel.synth.apps.Doc;
import org.easel.synth.apps.DocumentApp;
import org.easel.synth.apps.EditorApp;
import org.easel.synth.apps.FormApp;
import org.easel.synth.apps.ManagerApp;
import org.easel.synth.apps.SpreadsheetApp;

/**
 * Which programs appear on screens, per class, with weights. The shells are paired on purpose — spreadsheet,
 * manager (tree + table), document/browser, editor/terminal, canvas with docks, forms, calendar — so each
 * window layout is about as common in financial as in non-financial screens; only the content differs.
 */
public final class Programs {
    /** A weighted program maker; the Random picks a variant (e.g. which document shell). */
    public record Entry(double weight, Function<Random, App> make) {
    }

    public static final List<Entry> FINANCIAL = List.of(
            new Entry(14, r -> new SpreadsheetApp(true)),
            new Entry(10, r -> new ManagerApp(ManagerApp.View.REGISTER)),
            new Entry(5, r -> new ManagerApp(ManagerApp.View.ACCOUNTS)),
            new Entry(5, r -> new ManagerApp(ManagerApp.View.BUDGET)),
            new Entry(4, r -> new ManagerApp(ManagerApp.View.REPORT)),
            new Entry(4, r -> new ManagerApp(ManagerApp.View.PORTFOLIO)),
            new Entry(4, r -> new ManagerApp(ManagerApp.View.PRICES)),
            new Entry(4, r -> new ManagerApp(ManagerApp.View.INVOICES)),
            new Entry(4, r -> new EditorApp(true, false)),
            new Entry(3, r -> new EditorApp(true, true)),
            new Entry(9, r -> new CanvasApp(CanvasApp.Mode.TRADING)),
            new Entry(4, r -> new FormApp(pick(r, FormApp.Form.TRANSACTION, FormApp.Form.NEW_ACCOUNT, FormApp.Form.LOAN, FormApp.Form.INVOICE_EDITOR))),
            new Entry(3, r -> new CalendarApp(true)),
            new Entry(11, r -> new DocumentApp(pick(r, DocumentApp.Shell2.WRITER, DocumentApp.Shell2.VIEWER, DocumentApp.Shell2.HELP),
                    pick(r, Doc.Kind.INVOICE, Doc.Kind.STATEMENT, Doc.Kind.FIN_REPORT, Doc.Kind.PRICE_SHEET, Doc.Kind.FIN_HELP))),
            new Entry(9, r -> new DocumentApp(DocumentApp.Shell2.BROWSER, pick(r, Doc.Kind.BANKING, Doc.Kind.SHOP, Doc.Kind.QUOTE, Doc.Kind.FIN_HELP))));

    public static final List<Entry> NON_FINANCIAL = List.of(
            new Entry(14, r -> new SpreadsheetApp(false)),
            new Entry(8, r -> new ManagerApp(ManagerApp.View.FILES)),
            new Entry(6, r -> new ManagerApp(ManagerApp.View.MAIL)),
            new Entry(5, r -> new ManagerApp(ManagerApp.View.PROCESSES)),
            new Entry(5, r -> new ManagerApp(ManagerApp.View.PACKAGES)),
            new Entry(4, r -> new ManagerApp(ManagerApp.View.MUSIC)),
            new Entry(4, r -> new ManagerApp(ManagerApp.View.ISSUES)),
            new Entry(5, r -> new EditorApp(false, false)),
            new Entry(4, r -> new EditorApp(false, true)),
            new Entry(8, r -> new CanvasApp(CanvasApp.Mode.IMAGE_EDITOR)),
            new Entry(4, r -> new CanvasApp(CanvasApp.Mode.MONITOR)),
            new Entry(4, r -> new FormApp(pick(r, FormApp.Form.PREFERENCES, FormApp.Form.PREFERENCES, FormApp.Form.PRINT, FormApp.Form.FIND))),
            new Entry(3, r -> new CalendarApp(false)),
            new Entry(12, r -> new DocumentApp(pick(r, DocumentApp.Shell2.WRITER, DocumentApp.Shell2.VIEWER, DocumentApp.Shell2.HELP),
                    pick(r, Doc.Kind.LETTER, Doc.Kind.HELP, Doc.Kind.HELP, Doc.Kind.ARTICLE, Doc.Kind.MANUAL, Doc.Kind.MINUTES))),
            new Entry(10, r -> new DocumentApp(DocumentApp.Shell2.BROWSER, pick(r, Doc.Kind.WIKI, Doc.Kind.NEWS, Doc.Kind.FORUM, Doc.Kind.WEATHER,
                    Doc.Kind.HELP))));

    public static final List<FormApp.Form> FIN_DIALOGS = List.of(FormApp.Form.TRANSACTION, FormApp.Form.TRANSFER, FormApp.Form.NEW_ACCOUNT,
            FormApp.Form.LOAN, FormApp.Form.INVOICE_EDITOR);
    public static final List<FormApp.Form> PLAIN_DIALOGS = List.of(FormApp.Form.PREFERENCES, FormApp.Form.LEVELS, FormApp.Form.PRINT,
            FormApp.Form.IMAGE_SIZE, FormApp.Form.FIND, FormApp.Form.ABOUT, FormApp.Form.OPEN_FILE, FormApp.Form.LEVELS);

    private Programs() {
    }

    @SafeVarargs
    static <T> T pick(Random r, T... items) {
        return items[r.nextInt(items.length)];
    }

    public static App pick(List<Entry> entries, Random r) {
        double total = 0;
        for (Entry e : entries) {
            total += e.weight();
        }
        double x = r.nextDouble() * total;
        for (Entry e : entries) {
            x -= e.weight();
            if (x < 0) {
                return e.make().apply(r);
            }
        }
        return entries.get(entries.size() - 1).make().apply(r);
    }

    public static App program(boolean financial, Random r) {
        return pick(financial ? FINANCIAL : NON_FINANCIAL, r);
    }

    /** Every program variant the catalogue can make for one class (for tests and contact sheets). */
    public static List<App> samples(boolean financial, Random r, int perEntry) {
        List<App> out = new ArrayList<>();
        for (Entry e : financial ? FINANCIAL : NON_FINANCIAL) {
            for (int k = 0; k < perEntry; k++) {
                out.add(e.make().apply(r));
            }
        }
        return out;
    }
}
