package org.easel.synth.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Hard negatives that look like business graphics but carry no money: flowcharts, org charts,
 * network graphs, street maps and timelines.
 */
public final class DiagramRenderer {
    private static final String[] STEPS = {"Start", "Receive request", "Review", "Approved?", "Notify team", "Update record", "Schedule visit",
            "Check stock", "Ship order", "Send email", "Assign owner", "Test build", "Deploy", "Gather feedback", "Done", "Archive", "Retry",
            "Log issue", "Valid input?", "Sign in", "Load profile", "Print label", "Close ticket"};
    private static final String[] ROLES = {"Director", "Head of Design", "Engineering Lead", "Team Lead", "Coordinator", "Researcher",
            "Designer", "Engineer", "Editor", "Volunteer", "Coach", "Teacher", "Nurse", "Analyst", "Manager", "Intern"};

    private DiagramRenderer() {
    }

    private static void arrow(Ctx c, Color col, double x1, double y1, double x2, double y2, double head) {
        c.line(col, Math.max(1, head / 5), x1, y1, x2, y2);
        double a = Math.atan2(y2 - y1, x2 - x1);
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x2, y2);
        p.lineTo(x2 - head * Math.cos(a - 0.4), y2 - head * Math.sin(a - 0.4));
        p.lineTo(x2 - head * Math.cos(a + 0.4), y2 - head * Math.sin(a + 0.4));
        p.closePath();
        c.g.fill(p);
    }

    public static void flowchart(Ctx c) {
        Theme t = c.t;
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        double u = c.unit() * c.u(0.8, 1.2);
        int cols = c.i(1, 3);
        int rows = c.i(3, 6);
        double cellW = c.w / (double) cols;
        double cellH = c.h / (double) rows;
        double bw = Math.min(cellW * 0.75, u * 9);
        double bh = Math.min(cellH * 0.55, u * 2.6);
        Font f = c.font(Font.PLAIN, u * 0.8);
        Color fill = Theme.mix(t.bg(), t.accent(c.i(0, 4)), c.u(0.15, 0.9));
        Color ink = Theme.luminance(fill) > 0.55 ? Color.BLACK : Color.WHITE;
        Color edge = t.fg();
        double[][] centers = new double[cols * rows][];
        int k = 0;
        for (int col = 0; col < cols; col++) {
            for (int row = 0; row < rows; row++) {
                centers[k++] = new double[] {c.x + cellW * (col + 0.5), c.y + cellH * (row + 0.5)};
            }
        }
        for (int i = 0; i + 1 < centers.length; i++) {
            if ((i + 1) % rows == 0) {
                if (c.p(0.6)) {
                    arrow(c, edge, centers[i][0] + bw / 2, centers[i][1], centers[i + 1][0] - bw / 2, centers[i + 1][1], u * 0.6);
                }
                continue;
            }
            arrow(c, edge, centers[i][0], centers[i][1] + bh / 2, centers[i + 1][0], centers[i + 1][1] - bh / 2, u * 0.6);
        }
        for (int i = 0; i < centers.length; i++) {
            double x = centers[i][0];
            double y = centers[i][1];
            String label = i == 0 ? "Start" : c.pick(STEPS);
            boolean decision = label.endsWith("?");
            c.g.setColor(fill);
            Shape s;
            if (decision) {
                Path2D.Double d = new Path2D.Double();
                d.moveTo(x, y - bh * 0.7);
                d.lineTo(x + bw / 2, y);
                d.lineTo(x, y + bh * 0.7);
                d.lineTo(x - bw / 2, y);
                d.closePath();
                s = d;
            } else if (i == 0 || label.equals("Done")) {
                s = new RoundRectangle2D.Double(x - bw / 2, y - bh / 2, bw, bh, bh, bh);
            } else {
                s = new RoundRectangle2D.Double(x - bw / 2, y - bh / 2, bw, bh, u * 0.5, u * 0.5);
            }
            c.g.fill(s);
            c.g.setColor(edge);
            c.g.setStroke(new BasicStroke(1.2f));
            c.g.draw(s);
            c.textCenter(c.fit(label, f, bw - u * 0.6), x, y + u * 0.3, f, ink);
            if (decision && c.p(0.6)) {
                c.text(c.pick("Yes", "No"), x + bw / 2 + u * 0.2, y - u * 0.3, c.font(Font.ITALIC, u * 0.7), t.muted());
            }
        }
    }

    public static void orgChart(Ctx c) {
        Theme t = c.t;
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        double u = c.unit() * c.u(0.7, 1.0);
        int levels = c.i(2, 4);
        double levelH = c.h / (double) levels;
        Font fb = c.font(Font.BOLD, u * 0.75);
        Font f = c.font(Font.PLAIN, u * 0.65);
        int[] counts = new int[levels];
        counts[0] = 1;
        for (int l = 1; l < levels; l++) {
            counts[l] = Math.min(8, counts[l - 1] * c.i(2, 3));
        }
        double[][] prev = null;
        for (int l = 0; l < levels; l++) {
            double[][] cur = new double[counts[l]][];
            double bw = Math.min(c.w / (double) counts[l] * 0.85, u * 9);
            double bh = Math.min(levelH * 0.5, u * 3);
            Color fill = Theme.mix(t.bg(), t.accent(l), c.u(0.2, 0.9));
            Color ink = Theme.luminance(fill) > 0.55 ? Color.BLACK : Color.WHITE;
            for (int i = 0; i < counts[l]; i++) {
                double x = c.x + c.w * (i + 0.5) / counts[l];
                double y = c.y + levelH * (l + 0.5);
                cur[i] = new double[] {x, y};
                if (prev != null) {
                    double[] parent = prev[Math.min(prev.length - 1, i * prev.length / counts[l])];
                    double midY = (parent[1] + y) / 2;
                    c.line(t.muted(), 1.2, parent[0], parent[1] + bh / 2, parent[0], midY);
                    c.line(t.muted(), 1.2, parent[0], midY, x, midY);
                    c.line(t.muted(), 1.2, x, midY, x, y - bh / 2);
                }
                c.roundRect(fill, x - bw / 2, y - bh / 2, bw, bh, u * c.u(0, 1));
                c.textCenter(c.fit(Words.person(c.r), fb, bw - u * 0.4), x, y - u * 0.05, fb, ink);
                c.textCenter(c.fit(l == 0 ? c.pick("Director", "Principal", "Chair", "Head Coach") : c.pick(ROLES), f, bw - u * 0.4), x,
                        y + u * 0.9, f, ink);
            }
            prev = cur;
        }
    }

    public static void network(Ctx c) {
        Theme t = c.t;
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        double u = c.unit();
        int n = c.i(6, 25);
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {c.x + c.u(0.08, 0.92) * c.w, c.y + c.u(0.08, 0.92) * c.h};
        }
        Color edge = Theme.alpha(t.muted(), 160);
        for (int i = 1; i < n; i++) {
            int j = c.i(0, i - 1);
            c.line(edge, c.u(1, 2.5), p[i][0], p[i][1], p[j][0], p[j][1]);
            if (c.p(0.3)) {
                int k = c.i(0, n - 1);
                c.line(edge, 1, p[i][0], p[i][1], p[k][0], p[k][1]);
            }
        }
        Font f = c.font(Font.PLAIN, u * 0.7);
        boolean labels = c.p(0.7);
        for (int i = 0; i < n; i++) {
            double r = u * c.u(0.5, 1.4);
            c.g.setColor(t.accent(c.i(0, 4)));
            c.g.fill(new Ellipse2D.Double(p[i][0] - r, p[i][1] - r, 2 * r, 2 * r));
            if (labels) {
                c.text(c.p(0.5) ? Words.firstName(c.r) : c.pick("router", "server", "hub", "node", "printer", "laptop", "camera", "phone"),
                        p[i][0] + r + 2, p[i][1] + u * 0.3, f, t.fg());
            }
        }
    }

    public static void map(Ctx c) {
        Color land = new Color(c.i(232, 245), c.i(228, 240), c.i(215, 230));
        c.fill(land, c.x, c.y, c.w, c.h);
        double u = c.unit();
        for (int k = 0; k < c.i(1, 4); k++) {
            Path2D.Double park = new Path2D.Double();
            double px = c.x + c.u(0, c.w);
            double py = c.y + c.u(0, c.h);
            double s = c.u(0.1, 0.3) * c.w;
            park.moveTo(px, py);
            for (int i = 0; i < 6; i++) {
                park.lineTo(px + c.u(-s, s), py + c.u(-s, s));
            }
            park.closePath();
            c.g.setColor(new Color(c.i(170, 200), c.i(215, 235), c.i(160, 190)));
            c.g.fill(park);
        }
        if (c.p(0.6)) {
            Path2D.Double river = new Path2D.Double();
            river.moveTo(c.x - 10, c.y + c.u(0, c.h));
            river.curveTo(c.x + c.w * 0.3, c.y + c.u(0, c.h), c.x + c.w * 0.7, c.y + c.u(0, c.h), c.x + c.w + 10, c.y + c.u(0, c.h));
            c.stroke(u * c.u(0.8, 2));
            c.g.setColor(new Color(c.i(150, 180), c.i(195, 215), c.i(230, 245)));
            c.g.draw(river);
        }
        double angle = c.u(-0.4, 0.4);
        AffineTransform old = c.g.getTransform();
        c.g.rotate(angle, c.x + c.w / 2.0, c.y + c.h / 2.0);
        Font f = c.font(Font.PLAIN, u * 0.65);
        double gap = c.u(3, 6) * u;
        for (double yy = c.y - c.h * 0.3; yy < c.y + c.h * 1.3; yy += gap * c.u(0.6, 1.4)) {
            boolean major = c.p(0.25);
            c.line(new Color(200, 200, 200), major ? u * 0.9 : u * 0.5, c.x - c.w * 0.3, yy, c.x + c.w * 1.3, yy);
            c.line(major ? new Color(c.i(245, 255), c.i(200, 225), c.i(120, 160)) : Color.WHITE, major ? u * 0.7 : u * 0.35, c.x - c.w * 0.3,
                    yy, c.x + c.w * 1.3, yy);
            if (c.p(0.5)) {
                c.text(Words.street(c.r), c.x + c.u(0, c.w), yy + u * 0.25, f, new Color(90, 90, 90));
            }
        }
        for (double xx = c.x - c.w * 0.3; xx < c.x + c.w * 1.3; xx += gap * c.u(0.6, 1.4)) {
            c.line(new Color(200, 200, 200), u * 0.5, xx, c.y - c.h * 0.3, xx, c.y + c.h * 1.3);
            c.line(Color.WHITE, u * 0.35, xx, c.y - c.h * 0.3, xx, c.y + c.h * 1.3);
        }
        c.g.setTransform(old);
        for (int k = 0; k < c.i(0, 3); k++) {
            double px = c.x + c.u(0.1, 0.9) * c.w;
            double py = c.y + c.u(0.1, 0.9) * c.h;
            c.g.setColor(new Color(c.i(200, 235), 60, 50));
            c.g.fill(new Ellipse2D.Double(px - u * 0.6, py - u * 1.8, u * 1.2, u * 1.2));
            Path2D.Double pin = new Path2D.Double();
            pin.moveTo(px - u * 0.55, py - u * 1.1);
            pin.lineTo(px, py);
            pin.lineTo(px + u * 0.55, py - u * 1.1);
            c.g.fill(pin);
        }
        c.text(Words.place(c.r), c.x + c.u(0.1, 0.6) * c.w, c.y + c.u(0.1, 0.9) * c.h, c.font(Font.BOLD, u * 1.1), new Color(60, 60, 60));
    }

    public static void timeline(Ctx c) {
        Theme t = c.t;
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        double u = c.unit() * c.u(0.8, 1.1);
        boolean horizontal = c.w >= c.h || c.p(0.3);
        int n = c.i(4, 8);
        int year = c.i(1700, 2000);
        String[] events = {"First expedition", "Bridge opened", "School founded", "Great flood", "New library", "Railway arrives",
                "Festival begins", "Museum built", "Treaty signed", "Moon landing", "Town hall rebuilt", "First concert", "Park opened"};
        c.text(c.pick("History of ", "Timeline: ", "Story of ") + Words.place(c.r), c.x + u, c.y + u * 1.6, c.font(Font.BOLD, u * 1.2), t.fg());
        Color lineC = t.accent(c.i(0, 4));
        Font fb = c.font(Font.BOLD, u * 0.8);
        Font f = c.font(Font.PLAIN, u * 0.7);
        if (horizontal) {
            double ly = c.y + c.h * 0.55;
            c.line(lineC, u * 0.3, c.x + u, ly, c.x + c.w - u, ly);
            for (int i = 0; i < n; i++) {
                double x = c.x + u * 2 + (c.w - u * 4) * i / (n - 1.0);
                year += c.i(3, 40);
                c.g.setColor(t.accent(i));
                c.g.fill(new Ellipse2D.Double(x - u * 0.5, ly - u * 0.5, u, u));
                double dy = i % 2 == 0 ? -u * 2.5 : u * 2.5;
                c.line(t.muted(), 1, x, ly, x, ly + dy * 0.7);
                c.textCenter(Integer.toString(year), x, ly + dy, fb, t.fg());
                c.textCenter(c.fit(c.pick(events), f, (c.w - u * 4) / (n - 1.0) * 1.8), x, ly + dy + (dy < 0 ? -u : u * 1.1), f, t.muted());
            }
        } else {
            double lx = c.x + c.w * 0.25;
            c.line(lineC, u * 0.3, lx, c.y + u * 3, lx, c.y + c.h - u);
            for (int i = 0; i < n; i++) {
                double y = c.y + u * 4 + (c.h - u * 6) * i / (n - 1.0);
                year += c.i(3, 40);
                c.g.setColor(t.accent(i));
                c.g.fill(new Ellipse2D.Double(lx - u * 0.5, y - u * 0.5, u, u));
                c.textRight(Integer.toString(year), lx - u, y + u * 0.3, fb, t.fg());
                c.text(c.pick(events), lx + u, y + u * 0.3, f, t.fg());
            }
        }
    }
}
