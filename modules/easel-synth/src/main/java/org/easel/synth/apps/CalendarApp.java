package org.easel.synth.apps;

import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.easel.synth.content.Finance;
import org.easel.synth.render.Theme;
import org.easel.synth.render.Words;
import org.easel.synth.ui.Ui;

/** A month grid with entries: appointments and events, or (financial) bills, paydays and scheduled payments with amounts. */
public final class CalendarApp implements App {
    private final boolean financial;

    public CalendarApp(boolean financial) {
        this.financial = financial;
    }

    @Override
    public String name() {
        return "calendar";
    }

    @Override
    public boolean financial() {
        return financial;
    }

    @Override
    public String title(Ui u) {
        return financial ? u.pick("Bills", "Scheduled Transactions", "Payment Calendar", "Upcoming Bills") + u.pick(" - Money", " — Budget", "")
                : u.pick("Calendar", "Agenda", "Korganizer", "Schedule") + u.pick(" - " + Words.firstName(u.r), "");
    }

    @Override
    public void draw(Ui u, Rectangle client, Env env) {
        Rectangle r = Shell.top(u, client);
        u.fill(u.s.view(), r.x, r.y, r.width, r.height);
        String[] months = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
        int hh = Math.round(u.s.fontPx() * 2.6f);
        u.text(u.pick(months) + " " + u.i(2010, 2026), r.x + 16, u.baseline(u.ui(Font.BOLD, 1.5f), r.y, hh), u.ui(Font.BOLD, 1.5f), u.s.text());
        double top = r.y + hh + u.s.fontPx() * 1.5;
        double cw = r.width / 7.0;
        double ch = (r.y + r.height - top) / u.i(5, 6);
        List<String> days = u.p(0.5) ? List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun") : List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat");
        for (int d = 0; d < 7; d++) {
            u.textCenter(days.get(d), r.x + cw * d + cw / 2, top - 6, u.ui(Font.BOLD, 0.9f), u.s.dim());
        }
        int offset = u.i(0, 6);
        Font small = u.ui(Font.PLAIN, 0.85f);
        for (int cell = 0; cell < 42; cell++) {
            double x = r.x + cw * (cell % 7);
            double y = top + ch * (cell / 7);
            if (y > r.y + r.height) {
                break;
            }
            u.outline(u.mix(u.s.view(), u.s.text(), 0.12), x, y, cw + 1, ch + 1, 0);
            int day = cell - offset + 1;
            if (day < 1 || day > 30) {
                continue;
            }
            u.text(Integer.toString(day), x + 6, y + u.s.fontPx() + 4, u.ui(), u.s.text());
            int entries = u.p(0.4) ? u.i(1, 2) : 0;
            for (int k = 0; k < entries; k++) {
                double ey = y + u.s.fontPx() * (2.2 + k * 1.6);
                if (ey + 4 > y + ch) {
                    break;
                }
                u.round(Theme.alpha(u.s.accent(), 60), x + 3, ey - u.s.fontPx(), cw - 6, u.s.fontPx() * 1.4, 4);
                if (financial) {
                    String label = u.pick(Finance.PAYEES);
                    String amount = env.money().amount(Math.exp(u.u(Math.log(5), Math.log(3000))), u.p(0.5) ? 2 : 0);
                    String shown = u.fit(label, small, cw * 0.45);
                    u.text(shown, x + 6, ey, small, u.s.text());
                    u.textRight(amount, x + cw - 6, ey, small, u.s.text(), true);
                } else {
                    String time = String.format("%02d:%02d ", u.i(7, 20), u.pick(0, 15, 30, 45));
                    u.text(u.fit(time + u.pick("Dentist", "Choir", "Team meeting", "Yoga", "Call " + Words.firstName(u.r), "Lunch", "Football", "Review",
                            Words.title(u.r, 2)), small, cw - 12), x + 6, ey, small, u.s.text());
                }
            }
        }
    }
}
