package org.easel.synth.render;

import java.awt.Color;
import java.awt.Font;

/** Text without money: prose pages, poems, letters, menus with words only. */
public final class TextRenderer {
    private static final String[] DISHES = {"Roasted tomato soup", "Garden salad", "Wild mushroom risotto", "Grilled sea bass", "Lemon tart",
            "Chocolate mousse", "Braised lamb shoulder", "Spring pea ravioli", "Seasonal vegetables", "Fresh bread and butter",
            "Apple crumble", "Herb roasted chicken", "Pumpkin gnocchi", "Berry pavlova", "Smoked salmon toast", "French onion soup"};

    private TextRenderer() {
    }

    public static void prose(Ctx c) {
        Theme t = c.t.paper(c.r);
        if (c.p(0.5)) {
            t = c.t;
        }
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        double u = c.unit() * c.u(0.7, 1.15);
        double pad = u * c.u(1, 3);
        double yy = c.y + pad + u;
        if (c.p(0.7)) {
            String heading = c.p(0.3) ? "Chapter " + c.pick("One", "Two", "Three", "IV", "7", "12") : Words.title(c.r, c.i(2, 5));
            yy = c.paragraph(heading, c.x + pad, yy, c.w - 2 * pad, c.y + c.h, c.font(Font.BOLD, u * c.u(1.3, 2)), t.fg(), 1.1, c.p(0.4)) + u * 0.6;
        }
        int columns = c.w > c.h * 1.2 && c.p(0.4) ? 2 : 1;
        double colW = (c.w - 2 * pad - (columns - 1) * u) / columns;
        Font f = c.font(c.p(0.15) ? Font.ITALIC : Font.PLAIN, u * c.u(0.75, 1.0));
        double lead = c.u(1.0, 1.5);
        for (int col = 0; col < columns; col++) {
            double cy = yy;
            double cx = c.x + pad + col * (colW + u);
            while (cy < c.y + c.h - pad) {
                cy = c.paragraph(Words.paragraph(c.r, c.i(2, 6)), cx, cy, colW, c.y + c.h, f, t.fg(), lead, false) + u * c.u(0.3, 1);
            }
        }
        if (c.p(0.3)) {
            c.textCenter("— " + c.i(2, 300) + " —", c.x + c.w / 2.0, c.y + c.h - u * 0.6, c.font(Font.PLAIN, u * 0.7), t.muted());
        }
    }

    public static void poem(Ctx c) {
        Theme t = c.t.paper(c.r);
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        double u = c.unit() * c.u(0.8, 1.2);
        boolean centered = c.p(0.5);
        double cx = c.x + c.w / 2.0;
        double left = c.x + c.w * c.u(0.08, 0.25);
        double yy = c.y + u * 2.5;
        Font title = c.anyFont(c.p(0.5) ? Font.BOLD : Font.ITALIC, u * 1.4);
        String ttl = Words.title(c.r, c.i(1, 4));
        if (centered) {
            c.textCenter(ttl, cx, yy, title, t.fg());
        } else {
            c.text(ttl, left, yy, title, t.fg());
        }
        yy += u * 2.2;
        Font f = c.font(c.p(0.4) ? Font.ITALIC : Font.PLAIN, u * c.u(0.8, 1.0));
        while (yy < c.y + c.h - u) {
            for (int line = 0; line < c.i(2, 5) && yy < c.y + c.h - u; line++) {
                String s = Words.words(c.r, c.i(3, 8));
                s = Character.toUpperCase(s.charAt(0)) + s.substring(1) + c.pick("", ",", ";", ".", "");
                if (centered) {
                    c.textCenter(s, cx, yy, f, t.fg());
                } else {
                    c.text(s, left + (line % 2 == 1 && c.p(0.3) ? u * 1.5 : 0), yy, f, t.fg());
                }
                yy += u * 1.4;
            }
            yy += u * 1.0;
        }
    }

    public static void letter(Ctx c) {
        Theme t = c.t.paper(c.r);
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        double u = c.unit() * c.u(0.75, 1.1);
        double pad = u * c.u(1.5, 3);
        Font f = c.font(Font.PLAIN, u * 0.9);
        double yy = c.y + pad + u;
        String sender = Words.person(c.r);
        if (c.p(0.5)) {
            c.textRight(sender, c.x + c.w - pad, yy, c.font(Font.BOLD, u * 0.9), t.fg());
            c.textRight(Words.address(c.r), c.x + c.w - pad, yy + u * 1.2, f, t.muted());
            yy += u * 3.5;
        }
        c.text(c.i(1, 28) + " " + c.pick("January", "March", "May", "July", "September", "November") + " " + c.i(1990, 2025), c.x + pad, yy, f,
                t.fg());
        yy += u * 2.2;
        c.text(c.pick("Dear ", "Hello ", "My dear ", "To ") + Words.firstName(c.r) + ",", c.x + pad, yy, f, t.fg());
        yy += u * 1.8;
        int paras = c.i(2, 4);
        for (int k = 0; k < paras && yy < c.y + c.h - u * 5; k++) {
            yy = c.paragraph(Words.paragraph(c.r, c.i(2, 5)), c.x + pad, yy, c.w - 2 * pad, c.y + c.h - u * 5, f, t.fg(), 1.3, false) + u * 0.6;
        }
        c.text(c.pick("Yours sincerely,", "With love,", "Best wishes,", "Kind regards,", "Warmly,"), c.x + pad, yy + u, f, t.fg());
        c.text(sender.split(" ")[0], c.x + pad, yy + u * 3, c.anyFont(Font.ITALIC, u * 1.5), Theme.mix(t.fg(), new Color(20, 40, 140), 0.5));
    }

    public static void menu(Ctx c) {
        Theme t = c.t;
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        double u = c.unit() * c.u(0.75, 1.1);
        double cx = c.x + c.w / 2.0;
        double yy = c.y + u * 2.5;
        Color accent = t.dark() ? Theme.mix(t.accent(0), Color.WHITE, 0.3) : t.accent(0);
        c.textCenter(c.pick("The ", "Café ", "Bistro ", "Chez ", "") + Words.place(c.r), cx, yy, c.anyFont(Font.BOLD | Font.ITALIC, u * 1.8), accent);
        yy += u * 1.5;
        c.textCenter(c.pick("Menu", "Dinner", "Lunch", "Seasonal menu", "Brunch"), cx, yy, c.font(Font.PLAIN, u), t.muted());
        yy += u * 2;
        String[] sections = {"Starters", "Mains", "Sides", "Desserts", "Drinks"};
        int s = c.i(0, 2);
        while (yy < c.y + c.h - u && s < sections.length) {
            c.textCenter(sections[s].toUpperCase(), cx, yy, c.font(Font.BOLD, u * 0.95), accent);
            c.line(t.grid(), 1, cx - u * 4, yy + u * 0.4, cx + u * 4, yy + u * 0.4);
            yy += u * 1.6;
            for (int k = 0; k < c.i(2, 4) && yy < c.y + c.h - u; k++) {
                c.textCenter(c.pick(DISHES), cx, yy, c.font(Font.BOLD, u * 0.85), t.fg());
                yy += u * 1.1;
                c.textCenter(Words.words(c.r, c.i(3, 7)), cx, yy, c.font(Font.ITALIC, u * 0.7), t.muted());
                yy += u * 1.4;
            }
            yy += u * 0.6;
            s++;
        }
    }
}
