package org.easel.synth.render;

import java.util.Random;

/**
 * How one document writes money: currency sign and where it goes, thousands and decimal
 * separators, decimals, and whether negatives are in parentheses. Chosen once per image so a
 * statement is consistent with itself, varied across images.
 */
public final class Money {
    private static final String[] SIGNS = {"$", "$", "$", "€", "€", "£", "¥", "CHF ", "US$", "A$", "C$", "₹", "kr ", "R$"};
    public final String sign;
    public final boolean suffix;
    public final char group;
    public final char decimal;
    public final int decimals;
    public final boolean parens;

    public Money(Random r) {
        this.sign = SIGNS[r.nextInt(SIGNS.length)];
        double style = r.nextDouble();
        if (style < 0.6) {
            group = ',';
            decimal = '.';
        } else if (style < 0.8) {
            group = '.';
            decimal = ',';
        } else if (style < 0.9) {
            group = ' ';
            decimal = ',';
        } else {
            group = '\'';
            decimal = '.';
        }
        this.suffix = (sign.equals("€") || sign.startsWith("kr")) && r.nextDouble() < 0.5;
        this.decimals = r.nextDouble() < 0.55 ? 2 : 0;
        this.parens = r.nextDouble() < 0.7;
    }

    /** A plain number with separators, e.g. 1,234,567.89 or (12,400). */
    public String number(double v, int dec) {
        boolean neg = v < 0;
        String digits = group(Math.abs(v), dec);
        if (neg) {
            return parens ? "(" + digits + ")" : "-" + digits;
        }
        return digits;
    }

    public String number(double v) {
        return number(v, decimals);
    }

    /** With the currency sign: $1,234.50, 1.234,50 €, (£12,400). */
    public String amount(double v, int dec) {
        boolean neg = v < 0;
        String digits = group(Math.abs(v), dec);
        String s = suffix ? digits + " " + sign.trim() : sign + digits;
        if (neg) {
            return parens ? "(" + s + ")" : "-" + s;
        }
        return s;
    }

    public String amount(double v) {
        return amount(v, decimals);
    }

    public String signed(double v, int dec) {
        return (v >= 0 ? "+" : "-") + group(Math.abs(v), dec);
    }

    public String percent(double v, boolean withSign) {
        String s = group(Math.abs(v), 2) + "%";
        if (withSign) {
            return (v >= 0 ? "+" : "-") + s;
        }
        return v < 0 ? "-" + s : s;
    }

    /** Compact form for KPI tiles: $4.2M, €830K, £1.3B. */
    public String compact(double v) {
        double a = Math.abs(v);
        String unit = "";
        double x = a;
        if (a >= 1e9) {
            x = a / 1e9;
            unit = "B";
        } else if (a >= 1e6) {
            x = a / 1e6;
            unit = "M";
        } else if (a >= 1e3) {
            x = a / 1e3;
            unit = "K";
        }
        String digits = group(x, x < 100 ? 1 : 0) + unit;
        String s = suffix ? digits + " " + sign.trim() : sign + digits;
        return v < 0 ? "-" + s : s;
    }

    private String group(double v, int dec) {
        long scale = (long) Math.pow(10, dec);
        long total = Math.round(v * scale);
        long whole = total / scale;
        long frac = total % scale;
        String w = Long.toString(whole);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            if (i > 0 && (w.length() - i) % 3 == 0) {
                sb.append(group);
            }
            sb.append(w.charAt(i));
        }
        if (dec > 0) {
            String f = Long.toString(frac);
            while (f.length() < dec) {
                f = "0" + f;
            }
            sb.append(decimal).append(f);
        }
        return sb.toString();
    }

    public static String ticker(Random r) {
        String[] known = {"AAPL", "MSFT", "GOOG", "AMZN", "TSLA", "NVDA", "META", "JPM", "BAC", "XOM", "KO", "PEP", "NFLX", "INTC", "AMD",
                "IBM", "ORCL", "V", "MA", "WMT", "DIS", "NKE", "BA", "GE", "SAP", "ASML", "BTC-USD", "ETH-USD", "EUR/USD", "GBP/JPY", "SPX", "DAX",
                "FTSE", "N225", "GC=F", "CL=F"};
        if (r.nextDouble() < 0.55) {
            return known[r.nextInt(known.length)];
        }
        return Words.upperLetters(r, 2 + r.nextInt(3));
    }

    /** A random walk of prices with drift and volatility. */
    public static double[] walk(Random r, int n, double start, double vol) {
        double[] p = new double[n];
        double drift = (r.nextDouble() - 0.5) * vol * 0.4;
        p[0] = start;
        for (int i = 1; i < n; i++) {
            double regime = r.nextDouble() < 0.03 ? 3 : 1;
            p[i] = Math.max(start * 0.05, p[i - 1] * (1 + drift + r.nextGaussian() * vol * regime));
        }
        return p;
    }

    public static double startPrice(Random r) {
        return Math.exp(Math.log(2) + r.nextDouble() * (Math.log(4000) - Math.log(2)));
    }

    public static int priceDecimals(double price) {
        return price < 10 ? 3 : price < 1000 ? 2 : 1;
    }

    /** An axis label for step {@code step} of a time axis starting at (year, month); style picks the format. */
    public static String date(int year, int month, int step, int style) {
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        int m = (month + step) % 12;
        year = year + (month + step) / 12;
        return switch (style) {
            case 0 -> months[m] + " " + (1 + (step * 7) % 28);
            case 1 -> months[m] + " '" + String.format("%02d", year % 100);
            case 2 -> String.format("%02d/%02d", 1 + (step * 3) % 28, m + 1);
            case 3 -> String.format("%02d:%02d", 9 + step / 2 % 8, (step % 2) * 30);
            case 4 -> "Q" + (1 + (month / 3 + step) % 4) + " " + (year - (month + step) / 12 + (month / 3 + step) / 4);
            default -> String.format("%d-%02d", year, m + 1);
        };
    }
}
