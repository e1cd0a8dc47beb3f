package org.easel.synth.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Hard negatives with digits and grids that are not money: class schedules, train timetables,
 * sports scoreboards and league tables, departure boards, weather widgets, calendars. They keep a
 * classifier from learning "digits in a table" as the financial cue.
 */
public final class BoardRenderer {
    private static final String[] TEAMS = {"Rovers", "United", "City", "Eagles", "Lions", "Tigers", "Wolves", "Hawks", "Rangers", "Athletic",
            "Harriers", "Comets", "Falcons", "Bears", "Sharks", "Pirates"};
    private static final String[] SUBJECTS = {"Maths", "History", "Art", "Biology", "Music", "French", "Physics", "Sport", "English",
            "Drama", "Chemistry", "Geography", "Lunch", "Study", "Choir", "Yoga", "Team sync", "Design review"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"};

    private BoardRenderer() {
    }

    /** A weekly schedule: days across, times down, coloured blocks with words. */
    public static void schedule(Ctx c) {
        Theme t = c.t;
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        double u = c.unit() * c.u(0.7, 1.0);
        int days = c.i(5, 7);
        double timeW = u * 3.5;
        double headH = u * 2;
        double colW = (c.w - timeW) / days;
        int slots = c.i(6, 12);
        double rowH = (c.h - headH) / slots;
        Font f = c.font(Font.PLAIN, u * 0.7);
        Font fb = c.font(Font.BOLD, u * 0.75);
        c.fill(t.headerBg(), c.x, c.y, c.w, headH);
        for (int d = 0; d < days; d++) {
            String name = c.p(0.5) ? DAYS[d].substring(0, 3) : DAYS[d];
            c.textCenter(c.fit(name, fb, colW), c.x + timeW + colW * (d + 0.5), c.y + headH * 0.68, fb, t.headerFg());
        }
        int startHour = c.i(7, 10);
        for (int s = 0; s < slots; s++) {
            double yy = c.y + headH + s * rowH;
            c.line(t.grid(), 1, c.x, yy, c.x + c.w, yy);
            c.text(String.format("%02d:%02d", startHour + s, 0), c.x + u * 0.3, yy + u * 0.9, f, t.muted());
        }
        for (int d = 0; d <= days; d++) {
            c.line(t.grid(), 1, c.x + timeW + colW * d, c.y, c.x + timeW + colW * d, c.y + c.h);
        }
        for (int d = 0; d < days; d++) {
            int s = c.i(0, 2);
            while (s < slots) {
                int len = c.i(1, 2);
                if (c.p(0.7)) {
                    double yy = c.y + headH + s * rowH;
                    Color fill = Theme.mix(t.bg(), t.accent(c.i(0, 4)), c.u(0.25, 0.9));
                    Color ink = Theme.luminance(fill) > 0.55 ? Color.BLACK : Color.WHITE;
                    c.roundRect(fill, c.x + timeW + colW * d + 2, yy + 2, colW - 4, rowH * Math.min(len, slots - s) - 4, u * 0.4);
                    c.text(c.fit(c.pick(SUBJECTS), fb, colW - u * 0.5), c.x + timeW + colW * d + u * 0.3, yy + u * 1.0, fb, ink);
                    if (rowH * len > u * 2.2) {
                        c.text(c.fit(c.p(0.5) ? "Room " + c.i(1, 40) : Words.person(c.r), f, colW - u * 0.5), c.x + timeW + colW * d + u * 0.3,
                                yy + u * 2.0, f, ink);
                    }
                }
                s += len + c.i(0, 1);
            }
        }
    }

    /** A train/bus timetable: stops down the side, departure times across. */
    public static void timetable(Ctx c) {
        Theme t = c.t.paper(c.r);
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        double u = c.unit() * c.u(0.7, 1.0);
        Font f = c.font(Font.PLAIN, u * 0.75);
        Font fb = c.font(Font.BOLD, u * 0.8);
        Color band = t.accent(c.i(0, 4));
        c.fill(band, c.x, c.y, c.w, u * 2.4);
        c.text(c.pick("Line ", "Route ", "Bus ", "Service ") + c.i(1, 99) + "  " + Words.place(c.r) + " – " + Words.place(c.r), c.x + u * 0.6,
                c.y + u * 1.6, c.font(Font.BOLD, u), Theme.luminance(band) > 0.55 ? Color.BLACK : Color.WHITE);
        double stopW = c.w * c.u(0.3, 0.4);
        int runs = (int) ((c.w - stopW) / (u * 3.2));
        double colW = (c.w - stopW) / Math.max(1, runs);
        double yy = c.y + u * 4;
        double rowH = u * c.u(1.2, 1.5);
        int[] start = new int[runs];
        for (int k = 0; k < runs; k++) {
            start[k] = 5 * 60 + c.i(0, 20) + k * c.i(15, 60);
        }
        int row = 0;
        while (yy < c.y + c.h - u * 0.5) {
            if (row % 2 == 1) {
                c.fill(t.stripe(), c.x, yy - rowH * 0.75, c.w, rowH);
            }
            c.text(c.fit(Words.place(c.r) + (c.p(0.3) ? " " + c.pick("Station", "Square", "Road") : ""), row == 0 ? fb : f, stopW - u), c.x + u * 0.5,
                    yy, row == 0 ? fb : f, t.fg());
            for (int k = 0; k < runs; k++) {
                int min = start[k] + row * 4;
                String s = c.p(0.05) ? "|" : String.format("%02d%s%02d", (min / 60) % 24, c.p(0.5) ? ":" : ".", min % 60);
                c.textRight(s, c.x + stopW + colW * (k + 1) - u * 0.3, yy, f, t.fg());
            }
            yy += rowH;
            row++;
        }
    }

    /** A match scoreboard with big digits, team names, period and clock. */
    public static void scoreboard(Ctx c) {
        Theme t = c.t;
        Color bg = t.dark() || c.p(0.6) ? new Color(c.i(5, 30), c.i(5, 30), c.i(5, 40)) : t.bg();
        c.fill(bg, c.x, c.y, c.w, c.h);
        Color led = c.pick(new Color(0xffb000), new Color(0xff3b30), new Color(0x30d158), Color.WHITE, new Color(0x64d2ff));
        if (Theme.luminance(bg) > 0.5) {
            led = t.fg();
        }
        double u = c.unit();
        boolean mono = c.p(0.5);
        Font big = mono ? c.mono(Font.BOLD, u * c.u(5, 8)) : c.font(Font.BOLD, u * c.u(5, 8));
        Font name = c.font(Font.BOLD, u * c.u(1.2, 1.8));
        String home = c.pick(TEAMS).toUpperCase();
        String away = c.pick(TEAMS).toUpperCase();
        double cy = c.y + c.h * c.u(0.4, 0.6);
        c.textCenter(c.fit(c.p(0.4) ? "HOME" : home, name, c.w * 0.45), c.x + c.w * 0.25, cy - u * 5, name, Theme.mix(led, Color.WHITE, 0.3));
        c.textCenter(c.fit(c.p(0.4) ? "GUEST" : away, name, c.w * 0.45), c.x + c.w * 0.75, cy - u * 5, name, Theme.mix(led, Color.WHITE, 0.3));
        c.textCenter(Integer.toString(c.i(0, c.p(0.5) ? 5 : 120)), c.x + c.w * 0.25, cy + u * 2, big, led);
        c.textCenter(Integer.toString(c.i(0, c.p(0.5) ? 5 : 120)), c.x + c.w * 0.75, cy + u * 2, big, led);
        Font small = c.mono(Font.BOLD, u * c.u(1.5, 2.5));
        c.textCenter(String.format("%02d:%02d", c.i(0, 90), c.i(0, 59)), c.x + c.w * 0.5, cy + u * 6, small, led);
        c.textCenter(c.pick("PERIOD ", "QTR ", "HALF ", "SET ", "INN ") + c.i(1, 4), c.x + c.w * 0.5, cy - u * 1, c.font(Font.PLAIN, u * 1.1),
                Theme.mix(led, bg, 0.3));
        if (c.p(0.5)) {
            Font f = c.font(Font.PLAIN, u);
            c.text("FOULS " + c.i(0, 9), c.x + u, c.y + c.h - u, f, Theme.mix(led, bg, 0.3));
            c.textRight("SHOTS " + c.i(0, 30), c.x + c.w - u, c.y + c.h - u, f, Theme.mix(led, bg, 0.3));
        }
    }

    /** A league table: team, played, won, drawn, lost, goals, points. Numbers, none of them money. */
    public static void leagueTable(Ctx c) {
        Theme t = c.t;
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        double u = c.unit() * c.u(0.75, 1.05);
        String[] hdr = {"#", "Team", "P", "W", "D", "L", "GD", "Pts"};
        double[] wts = {0.6, 4, 1, 1, 1, 1, 1.2, 1.2};
        double sum = 0;
        for (double w : wts) {
            sum += w;
        }
        Font f = c.font(Font.PLAIN, u * 0.8);
        Font fb = c.font(Font.BOLD, u * 0.8);
        double rowH = u * c.u(1.3, 1.7);
        double yy = c.y + u * 1.5;
        c.fill(t.headerBg(), c.x, c.y, c.w, u * 2.2);
        double xx = c.x;
        for (int k = 0; k < hdr.length; k++) {
            double cw = c.w * wts[k] / sum;
            if (k == 1) {
                c.text(hdr[k], xx + u * 0.3, yy, fb, t.headerFg());
            } else {
                c.textRight(hdr[k], xx + cw - u * 0.3, yy, fb, t.headerFg());
            }
            xx += cw;
        }
        yy += rowH * 1.2;
        int played = c.i(5, 38);
        int pts = played * 3;
        for (int row = 1; yy < c.y + c.h - u * 0.3; row++) {
            int w = Math.max(0, Math.min(played, pts / 3 - c.i(0, 3)));
            int d = Math.min(played - w, c.i(0, 8));
            int l = played - w - d;
            pts = w * 3 + d;
            String[] vals = {Integer.toString(row), Words.place(c.r) + " " + c.pick(TEAMS), Integer.toString(played), Integer.toString(w),
                    Integer.toString(d), Integer.toString(l), (c.p(0.5) ? "+" : "-") + c.i(0, 40), Integer.toString(pts)};
            if (row % 2 == 0) {
                c.fill(t.stripe(), c.x, yy - rowH * 0.75, c.w, rowH);
            }
            xx = c.x;
            for (int k = 0; k < hdr.length; k++) {
                double cw = c.w * wts[k] / sum;
                if (k == 1) {
                    c.text(c.fit(vals[k], f, cw - u * 0.5), xx + u * 0.3, yy, f, t.fg());
                } else {
                    c.textRight(vals[k], xx + cw - u * 0.3, yy, k == 7 ? fb : f, t.fg());
                }
                xx += cw;
            }
            yy += rowH;
            pts = Math.max(0, pts - c.i(0, 4));
        }
    }

    /** An airport departures board: flight numbers, destinations, times, gates, status. */
    public static void departures(Ctx c) {
        Color bg = new Color(c.i(5, 30), c.i(10, 35), c.i(20, 60));
        c.fill(bg, c.x, c.y, c.w, c.h);
        double u = c.unit() * c.u(0.8, 1.1);
        Color ink = c.pick(new Color(0xffd60a), Color.WHITE, new Color(0xf2f2f2), new Color(0xffb000));
        Font f = c.p(0.5) ? c.mono(Font.BOLD, u * 0.85) : c.font(Font.BOLD, u * 0.85);
        c.text(c.pick("DEPARTURES", "Departures", "ABFLUG", "DÉPARTS"), c.x + u, c.y + u * 1.8, c.font(Font.BOLD, u * 1.4), ink);
        c.textRight(String.format("%02d:%02d", c.i(0, 23), c.i(0, 59)), c.x + c.w - u, c.y + u * 1.8, c.font(Font.BOLD, u * 1.4), ink);
        double[] cols = {0.02, 0.17, 0.32, 0.72, 0.84};
        String[] hdr = {"Time", "Flight", "Destination", "Gate", "Status"};
        double yy = c.y + u * 3.6;
        for (int k = 0; k < hdr.length; k++) {
            c.text(hdr[k], c.x + c.w * cols[k], yy, c.font(Font.PLAIN, u * 0.7), Theme.mix(ink, bg, 0.4));
        }
        yy += u * 1.6;
        int minute = c.i(0, 23) * 60;
        while (yy < c.y + c.h - u * 0.3) {
            minute += c.i(0, 25);
            if (c.p(0.5)) {
                c.fill(Theme.mix(bg, Color.WHITE, 0.05), c.x, yy - u * 1.05, c.w, u * 1.4);
            }
            String status = c.pick("On time", "Boarding", "Delayed", "Gate closed", "Departed", "Cancelled", "Final call");
            String[] vals = {String.format("%02d:%02d", (minute / 60) % 24, minute % 60), Words.upperLetters(c.r, 2) + " " + c.i(10, 9999),
                    Words.place(c.r).toUpperCase(), c.pick("A", "B", "C", "D") + c.i(1, 60), status};
            for (int k = 0; k < vals.length; k++) {
                Color col = k == 4 && (status.startsWith("Del") || status.startsWith("Can")) ? new Color(0xff453a)
                        : k == 4 && status.startsWith("Board") ? new Color(0x30d158) : ink;
                double width = (k + 1 < cols.length ? cols[k + 1] : 1.0) * c.w - cols[k] * c.w - u * 0.3;
                c.text(c.fit(vals[k], f, width), c.x + c.w * cols[k], yy, f, col);
            }
            yy += u * 1.5;
        }
    }

    /** A weather widget: temperatures and days, sun and cloud icons. */
    public static void weather(Ctx c) {
        Theme t = c.t;
        boolean sky = t.dark() || c.p(0.6);
        if (sky) {
            Color top = Theme.jitter(t.dark() ? new Color(0x1c2a4a) : new Color(0x4a90d9), c.r, 30);
            c.g.setPaint(new GradientPaint(c.x, c.y, top, c.x, c.y + c.h, Theme.mix(top, Color.BLACK, 0.45)));
            c.g.fillRect(c.x, c.y, c.w, c.h);
        } else {
            c.fill(t.bg(), c.x, c.y, c.w, c.h);
        }
        Color ink = sky ? Color.WHITE : t.fg();
        double u = c.unit() * c.u(0.9, 1.3);
        int temp = c.i(-15, 38);
        boolean fahrenheit = c.p(0.25);
        if (fahrenheit) {
            temp = temp * 9 / 5 + 32;
        }
        double yy = c.y + u * 2;
        c.text(Words.place(c.r), c.x + u, yy, c.font(Font.PLAIN, u * 1.3), ink);
        yy += u * 5.5;
        c.text(temp + "°", c.x + u, yy, c.font(Font.PLAIN, u * 5), ink);
        c.text(c.pick("Sunny", "Partly cloudy", "Light rain", "Snow showers", "Clear", "Windy", "Thunderstorms"), c.x + u, yy + u * 1.8,
                c.font(Font.PLAIN, u), ink);
        c.text("H:" + (temp + c.i(1, 6)) + "°  L:" + (temp - c.i(3, 9)) + "°  " + c.i(0, 100) + "% " + c.pick("humidity", "rain", "cloud"),
                c.x + u, yy + u * 3.2, c.font(Font.PLAIN, u * 0.8), ink);
        double ix = c.x + c.w - u * 8;
        c.g.setColor(new Color(0xffd60a));
        c.g.fill(new Ellipse2D.Double(ix, c.y + u * 2, u * 4.5, u * 4.5));
        if (c.p(0.6)) {
            c.g.setColor(new Color(245, 245, 250, 235));
            c.g.fill(new Ellipse2D.Double(ix + u, c.y + u * 4.5, u * 5, u * 2.4));
            c.g.fill(new Ellipse2D.Double(ix + u * 2.2, c.y + u * 3.6, u * 2.6, u * 2.6));
        }
        yy += u * 5.5;
        boolean hourly = c.p(0.4);
        if (hourly) {
            int n = c.i(5, 8);
            double cw = (c.w - 2 * u) / n;
            int hour = c.i(0, 23);
            for (int k = 0; k < n; k++) {
                double cx = c.x + u + cw * (k + 0.5);
                c.textCenter(k == 0 ? "Now" : String.format("%02d", (hour + k) % 24), cx, yy, c.font(Font.PLAIN, u * 0.8), ink);
                c.g.setColor(k % 3 == 0 ? new Color(0xffd60a) : new Color(230, 230, 240));
                c.g.fill(new Ellipse2D.Double(cx - u * 0.7, yy + u * 0.6, u * 1.4, u * 1.4));
                c.textCenter((temp + c.i(-3, 3)) + "°", cx, yy + u * 3.3, c.font(Font.BOLD, u * 0.9), ink);
            }
            yy += u * 5;
        }
        int start = c.i(0, 6);
        for (int d = 0; yy < c.y + c.h - u; d++) {
            c.text(DAYS[(start + d) % 7].substring(0, 3), c.x + u, yy, c.font(Font.PLAIN, u), ink);
            int hi = temp + c.i(-5, 5);
            int lo = hi - c.i(3, 10);
            c.textRight(lo + "°", c.x + c.w * 0.42, yy, c.font(Font.PLAIN, u), Theme.mix(ink, t.bg(), 0.35));
            c.roundRect(Theme.alpha(ink, 60), c.x + c.w * 0.45, yy - u * 0.5, c.w * 0.3, u * 0.4, u * 0.4);
            c.roundRect(new Color(0xffa53d), c.x + c.w * (0.45 + c.u(0, 0.1)), yy - u * 0.5, c.w * c.u(0.08, 0.18), u * 0.4, u * 0.4);
            c.textRight(hi + "°", c.x + c.w - u, yy, c.font(Font.PLAIN, u), ink);
            yy += u * 1.8;
        }
    }

    /** A month calendar: weekday headers, day numbers, a few words-only events. */
    public static void calendar(Ctx c) {
        Theme t = c.t;
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        double u = c.unit() * c.u(0.8, 1.1);
        int month = c.i(0, 11);
        int year = c.i(1995, 2030);
        Font title = c.font(Font.BOLD, u * 1.5);
        c.text(MONTHS[month] + " " + year, c.x + u, c.y + u * 2, title, t.fg());
        double gridTop = c.y + u * 3.4;
        double cellW = c.w / 7.0;
        double cellH = (c.y + c.h - gridTop - u * 1.5) / 6.0;
        boolean mondayFirst = c.p(0.5);
        for (int d = 0; d < 7; d++) {
            String dn = DAYS[(d + (mondayFirst ? 0 : 6)) % 7];
            c.textCenter(c.p(0.5) ? dn.substring(0, 3) : dn.substring(0, 1), c.x + cellW * (d + 0.5), gridTop + u, c.font(Font.BOLD, u * 0.75),
                    t.muted());
        }
        int first = LocalDate.of(year, month + 1, 1).getDayOfWeek().getValue() - (mondayFirst ? 1 : 0);
        first = Math.floorMod(first, 7);
        int len = YearMonth.of(year, month + 1).lengthOfMonth();
        int today = c.i(1, len);
        Font f = c.font(Font.PLAIN, u * 0.85);
        Font ef = c.font(Font.PLAIN, u * 0.6);
        boolean lines = c.p(0.6);
        for (int day = 1; day <= len; day++) {
            int idx = first + day - 1;
            double cx = c.x + cellW * (idx % 7);
            double cy = gridTop + u * 1.5 + cellH * (idx / 7);
            if (lines) {
                c.g.setColor(t.grid());
                c.stroke(1);
                c.g.draw(new Rectangle2D.Double(cx, cy, cellW, cellH));
            }
            if (day == today) {
                c.g.setColor(t.accent(0));
                c.g.fill(new Ellipse2D.Double(cx + u * 0.15, cy + u * 0.1, u * 1.6, u * 1.6));
            }
            c.text(Integer.toString(day), cx + u * 0.35, cy + u * 1.3, f, day == today ? Color.WHITE : t.fg());
            if (c.p(0.15) && cellH > u * 2.5) {
                Color ev = t.accent(c.i(1, 4));
                c.roundRect(ev, cx + 2, cy + u * 1.7, cellW - 4, u * 0.9, u * 0.3);
                c.text(c.fit(c.pick("Dentist", "Birthday", "Yoga", "Trip", "Concert", "Book club", "Holiday", "Piano", "Visit Mum", "Match"), ef,
                        cellW - u * 0.4), cx + u * 0.3, cy + u * 2.4, ef, Theme.luminance(ev) > 0.55 ? Color.BLACK : Color.WHITE);
            }
        }
    }
}
