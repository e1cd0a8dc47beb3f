package org.easel.synth.render;

import java.awt.Color;
import java.awt.Font;

/** Invoices and till receipts: items, quantities, unit prices, tax and totals in a currency. */
public final class InvoiceRenderer {
    private static final String[] SERVICES = {"Consulting services", "Website design", "Annual support plan", "Software licence",
            "Office chairs", "Printer toner", "Cloud hosting (monthly)", "Legal review", "Freight and handling", "Installation",
            "Training session", "Maintenance contract", "Copy paper A4", "Laptop stand", "Data migration", "Audit fee", "Catering"};
    private static final String[] GROCERIES = {"MILK 1L", "BREAD WHOLEMEAL", "EGGS X12", "BANANAS", "COFFEE BEANS", "APPLES 1KG", "RICE 2KG",
            "OLIVE OIL", "CHEESE CHEDDAR", "TOMATOES", "PASTA", "ORANGE JUICE", "YOGHURT", "CHICKEN BREAST", "SPARKLING WATER", "CHOCOLATE",
            "SHAMPOO", "BATTERIES AA", "NEWSPAPER", "CAPPUCCINO", "CROISSANT", "SANDWICH"};

    private InvoiceRenderer() {
    }

    public static void invoice(Ctx c) {
        Theme t = c.t.paper(c.r);
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        Money m = new Money(c.r);
        double u = c.unit() * c.u(0.75, 1.1);
        double pad = u * c.u(1.2, 2.5);
        double yy = c.y + pad;
        Color brand = t.accent(c.i(0, 4));
        String company = Words.company(c.r);
        if (c.p(0.6)) {
            c.g.setColor(brand);
            if (c.p(0.5)) {
                c.g.fillOval((int) (c.x + pad), (int) yy, (int) (u * 2.4), (int) (u * 2.4));
            } else {
                c.g.fillRect((int) (c.x + pad), (int) yy, (int) (u * 2.4), (int) (u * 2.4));
            }
            c.textCenter(company.substring(0, 1), c.x + pad + u * 1.2, yy + u * 1.7, c.font(Font.BOLD, u * 1.4), Color.WHITE);
        }
        String word = c.pick("INVOICE", "Invoice", "TAX INVOICE", "Rechnung", "Facture", "BILL", "Quote");
        c.textRight(word, c.x + c.w - pad, yy + u * 2, c.font(Font.BOLD, u * c.u(1.8, 2.6)), c.p(0.5) ? brand : t.fg());
        yy += u * 3.6;
        Font f = c.font(Font.PLAIN, u * 0.85);
        Font fb = c.font(Font.BOLD, u * 0.85);
        c.text(company, c.x + pad, yy, fb, t.fg());
        c.text(Words.address(c.r), c.x + pad, yy + u * 1.2, f, t.muted());
        String[] meta = {"Invoice #: " + c.pick("INV-", "", "No. ") + c.i(1000, 99999), "Date: " + String.format("%02d/%02d/%d", c.i(1, 28),
                c.i(1, 12), c.i(2016, 2025)), "Due: " + c.pick("Net 30", "Net 15", "On receipt", String.format("%02d.%02d.%d", c.i(1, 28),
                c.i(1, 12), c.i(2016, 2025)))};
        for (int k = 0; k < meta.length; k++) {
            c.textRight(meta[k], c.x + c.w - pad, yy + k * u * 1.2, f, t.fg());
        }
        yy += u * 4;
        c.text(c.pick("Bill to:", "BILL TO", "Customer:", "Invoice to"), c.x + pad, yy, fb, t.muted());
        c.text(Words.person(c.r), c.x + pad, yy + u * 1.2, f, t.fg());
        c.text(Words.address(c.r), c.x + pad, yy + u * 2.4, f, t.fg());
        yy += u * 4;
        double wTable = c.w - 2 * pad;
        // right edges of the qty, unit price and amount columns; descriptions get what is left
        double qtyR = c.x + pad + wTable * 0.58;
        double unitR = c.x + pad + wTable * 0.79;
        double amtR = c.x + c.w - pad - u * 0.4;
        double descX = c.x + pad + u * 0.4;
        boolean headFill = c.p(0.6);
        if (headFill) {
            c.fill(brand, c.x + pad, yy - u, wTable, u * 1.5);
        }
        Color hcol = headFill ? Color.WHITE : t.fg();
        c.text(c.pick("Description", "Item", "Service"), descX, yy, fb, hcol);
        c.textRight(c.pick("Qty", "Hours", "Units"), qtyR, yy, fb, hcol);
        c.textRight(c.pick("Unit price", "Rate", "Price"), unitR, yy, fb, hcol);
        c.textRight(c.pick("Amount", "Total", "Line total"), amtR, yy, fb, hcol);
        if (!headFill) {
            c.line(t.fg(), 1, c.x + pad, yy + u * 0.5, c.x + c.w - pad, yy + u * 0.5);
        }
        yy += u * 1.6;
        double subtotal = 0;
        int items = c.i(2, 9);
        double colGap = u * 0.6;
        for (int k = 0; k < items && yy < c.y + c.h - u * 8; k++) {
            int qty = c.p(0.5) ? 1 : c.i(1, 40);
            double price = Math.round(Math.exp(c.u(Math.log(2), Math.log(4000))) * 100) / 100.0;
            double amount = qty * price;
            subtotal += amount;
            String q = Integer.toString(qty);
            c.text(c.fit(c.pick(SERVICES), f, qtyR - c.width(q, f) - colGap - descX), descX, yy, f, t.fg());
            c.textRight(q, qtyR, yy, f, t.fg());
            c.textRight(c.fit(m.amount(price, 2), f, unitR - qtyR - colGap), unitR, yy, f, t.fg());
            c.textRight(c.fit(m.amount(amount, 2), f, amtR - unitR - colGap), amtR, yy, f, t.fg());
            c.line(t.grid(), 1, c.x + pad, yy + u * 0.5, c.x + c.w - pad, yy + u * 0.5);
            yy += u * 1.4;
        }
        yy += u * 0.8;
        double rate = c.pick(5.0, 7.5, 8.0, 10.0, 19.0, 20.0, 21.0, 25.0);
        double tax = subtotal * rate / 100;
        String[][] totals = {{"Subtotal", m.amount(subtotal, 2)}, {c.pick("Tax", "VAT", "GST", "MwSt") + " (" + m.percent(rate, false) + ")",
                m.amount(tax, 2)}, {c.pick("Total", "TOTAL DUE", "Amount due", "Balance due"), m.amount(subtotal + tax, 2)}};
        for (int k = 0; k < totals.length; k++) {
            boolean last = k == totals.length - 1;
            if (last) {
                c.line(t.fg(), 1.5, qtyR - u * 3, yy - u, c.x + c.w - pad, yy - u);
            }
            c.text(totals[k][0], qtyR - u * 3, yy, last ? fb : f, t.fg());
            c.textRight(totals[k][1], amtR, yy, last ? c.font(Font.BOLD, u) : f, last && c.p(0.4) ? brand : t.fg());
            yy += u * 1.4;
        }
        if (yy < c.y + c.h - u * 2) {
            c.text(c.pick("Payment terms: 30 days. Thank you for your business.", "Please pay by bank transfer to IBAN DE89 3704 0044 0532 0130 00",
                    "Late payments incur 1.5% monthly interest.", "Account no. 0012 3345 — Sort code 20-00-00"), c.x + pad,
                    Math.max(yy + u, c.y + c.h - pad), c.font(Font.ITALIC, u * 0.75), t.muted());
        }
    }

    /** A thermal till receipt: narrow, monospaced, on whatever surface it was photographed on. */
    public static void receipt(Ctx c) {
        strip(c, true);
    }

    /**
     * The receipt's non-financial twin: the same paper strip, surface and typeface holding a
     * shopping or to-do list without prices, so "a narrow slip of paper" is not the cue.
     */
    public static void list(Ctx c) {
        strip(c, false);
    }

    private static void strip(Ctx c, boolean prices) {
        Theme t = c.t;
        Backdrops.fill(c, c.x, c.y, c.w, c.h);
        Money m = new Money(c.r);
        double paperW = c.w * c.u(0.45, 0.8);
        double px = c.x + (c.w - paperW) / 2 + c.u(-0.1, 0.1) * c.w;
        double py = c.y + c.h * c.u(-0.1, 0.08);
        Color paper = new Color(c.i(238, 255), c.i(236, 252), c.i(228, 245));
        c.fill(Theme.alpha(Color.BLACK, 60), px + 3, py + 3, paperW, c.h * 1.2);
        c.fill(paper, px, py, paperW, c.h * 1.2);
        Color ink = new Color(c.i(20, 70), c.i(20, 70), c.i(20, 80));
        double u = paperW / c.u(20, 28);
        Font f = c.mono(Font.PLAIN, u);
        Font fb = c.mono(Font.BOLD, u * 1.1);
        double cx = px + paperW / 2;
        double yy = Math.max(py, c.y) + u * 2;
        String head = prices ? c.pick("SUPERMART", "CAFÉ " + Words.place(c.r).toUpperCase(), Words.company(c.r).toUpperCase(), "FRESH & CO",
                "CITY PHARMACY", "HARDWARE STORE") : c.pick("SHOPPING LIST", "TO DO", "NOTES", "WEEKEND", "PACKING LIST", Words.place(c.r).toUpperCase());
        c.textCenter(head, cx, yy, fb, ink);
        yy += u * 1.3;
        if (prices || c.p(0.3)) {
            c.textCenter(Words.address(c.r), cx, yy, c.mono(Font.PLAIN, u * 0.8), ink);
            yy += u * 1.2;
        }
        c.textCenter(String.format("%02d/%02d/%d  %02d:%02d", c.i(1, 28), c.i(1, 12), c.i(2016, 2025), c.i(7, 22), c.i(0, 59)), cx, yy,
                c.mono(Font.PLAIN, u * 0.8), ink);
        yy += u * 1.6;
        double left = px + u;
        double right = px + paperW - u;
        if (!prices) {
            boolean todo = c.p(0.5);
            int n = c.i(4, 16);
            for (int k = 0; k < n; k++) {
                String item = todo ? c.pick("Call ", "Email ", "Visit ", "Book ", "Pick up ", "Write to ") + Words.firstName(c.r)
                        : (c.p(0.3) ? c.i(2, 6) + " x " : "") + c.pick(GROCERIES);
                if (todo) {
                    c.g.setColor(ink);
                    c.g.drawRect((int) left, (int) (yy - u * 0.8), (int) (u * 0.8), (int) (u * 0.8));
                    if (c.p(0.4)) {
                        c.text("✓", left, yy, f, ink);
                    }
                }
                c.text(c.fit(item, f, paperW - u * 3), left + (todo ? u * 1.4 : 0), yy, f, ink);
                yy += u * 1.25;
            }
            yy += u;
            c.textCenter(c.pick("DON'T FORGET!", "TODO", "SEE YOU SOON", "HAVE A NICE DAY", ""), cx, yy, f, ink);
            return;
        }
        double total = 0;
        int n = c.i(3, 14);
        for (int k = 0; k < n; k++) {
            double price = Math.round(Math.exp(c.u(Math.log(0.3), Math.log(60))) * 100) / 100.0;
            int qty = c.p(0.8) ? 1 : c.i(2, 6);
            total += price * qty;
            String name = (qty > 1 ? qty + " x " : "") + c.pick(GROCERIES);
            c.text(c.fit(name, f, paperW * 0.65), left, yy, f, ink);
            c.textRight(m.number(price * qty, 2), right, yy, f, ink);
            yy += u * 1.25;
        }
        c.text("-".repeat(40), left, yy, f, ink);
        yy += u * 1.2;
        double rate = c.pick(5.0, 7.0, 10.0, 20.0);
        c.text("SUBTOTAL", left, yy, f, ink);
        c.textRight(m.number(total, 2), right, yy, f, ink);
        yy += u * 1.25;
        c.text(c.pick("TAX ", "VAT ", "GST ") + m.percent(rate, false), left, yy, f, ink);
        c.textRight(m.number(total * rate / 100, 2), right, yy, f, ink);
        yy += u * 1.5;
        c.text("TOTAL", left, yy, fb, ink);
        c.textRight(m.amount(total * (1 + rate / 100), 2), right, yy, fb, ink);
        yy += u * 1.5;
        c.text(c.pick("VISA **** ", "MASTERCARD **** ", "CARD **** ", "CASH  CHANGE ") + c.i(1000, 9999), left, yy, f, ink);
        yy += u * 2;
        c.textCenter(c.pick("THANK YOU!", "THANK YOU FOR SHOPPING", "PLEASE COME AGAIN", "KEEP RECEIPT FOR RETURNS"), cx, yy, f, ink);
    }
}
