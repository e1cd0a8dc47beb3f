package org.easel.synth.content;

import java.util.ArrayList;
import java.util.List;
import org.easel.synth.render.Words;
import org.easel.synth.ui.Icons;
import org.easel.synth.ui.Table;
import org.easel.synth.ui.Ui;

/**
 * Screen content with no money in it — the hard negatives: numbers, tables, trees, red figures, thousands
 * separators and parentheses all appear, but in units other than money (bytes, %, °C, mm, counts, scores,
 * versions, times). No currency sign, no price, no balance ever comes out of here.
 */
public final class Plain {
    static final String[] EXT = {"png", "jpg", "txt", "pdf", "odt", "tar.gz", "svg", "md", "py", "java", "xcf", "mp3", "ogg", "zip", "csv", "log"};
    static final String[] FOLDERS = {"Documents", "Pictures", "Music", "Videos", "Downloads", "Desktop", "Projects", "Templates", "Public",
            "src", "build", "backup", "Photos 2019", "Holiday", "Scans", "Wallpapers", "config", "notes", "thesis", "recipes"};
    static final String[] PROCS = {"systemd", "Xorg", "gnome-shell", "plasmashell", "firefox", "java", "python3", "bash", "sshd", "pulseaudio",
            "pipewire", "kworker/0:1", "dbus-daemon", "NetworkManager", "cupsd", "thunderbird", "code", "gimp-2.10", "nautilus", "dolphin",
            "konsole", "chrome", "tracker-miner", "udisksd", "cron", "rsyslogd", "Xwayland", "evolution", "baloo_file", "gvfsd"};
    static final String[] PACKAGES = {"libgtk-3-0", "libqt5core5a", "python3-numpy", "openjdk-17-jre", "gimp", "inkscape", "vim", "git",
            "curl", "libssl3", "fonts-dejavu", "imagemagick", "ffmpeg", "make", "gcc-12", "perl-base", "tzdata", "zlib1g", "libpng16-16",
            "libxml2", "sqlite3", "rsync", "tar", "xz-utils", "coreutils", "grep", "sed", "less"};
    static final String[] TEAMS = {"Riverside FC", "Northfield United", "Lakeview Rovers", "Hillcrest Athletic", "Kingsport City", "Ashford Town",
            "Millbrook Wanderers", "Pinehurst Albion", "Glenwood Rangers", "Harborview", "Stonebridge", "Elmwood Celtic"};
    static final String[] SUBJECTS = {"Meeting notes", "Re: weekend plans", "Photos from the trip", "Build failed on main", "Your package has shipped",
            "Reminder: dentist appointment", "Fwd: recipe", "Team lunch on Friday", "Re: draft chapter 3", "New comment on your post",
            "Password reset", "Welcome to the course", "Re: garden club", "Minutes of the board meeting", "Agenda for Monday", "Re: bug 4512",
            "Security update installed", "Concert tickets (seats)", "Re: thesis figures", "Choir rehearsal moved"};

    private Plain() {
    }

    static String size(Ui u) {
        double kb = Math.exp(u.u(Math.log(0.5), Math.log(4_000_000)));
        if (kb < 1) {
            return u.i(20, 999) + " bytes";
        }
        if (kb < 1024) {
            return String.format(u.p(0.5) ? "%.1f kB" : "%.0f KB", kb);
        }
        if (kb < 1024 * 1024) {
            return String.format("%.1f MB", kb / 1024);
        }
        return String.format("%.2f GB", kb / 1024 / 1024);
    }

    static String when(Ui u) {
        return switch (u.i(0, 3)) {
            case 0 -> String.format("%04d-%02d-%02d %02d:%02d", u.i(2008, 2025), u.i(1, 12), u.i(1, 28), u.i(0, 23), u.i(0, 59));
            case 1 -> String.format("%02d/%02d/%04d", u.i(1, 12), u.i(1, 28), u.i(2008, 2025));
            case 2 -> u.pick("Yesterday", "Today", "Last week") + String.format(" %02d:%02d", u.i(0, 23), u.i(0, 59));
            default -> u.i(1, 28) + " " + u.pick("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec") + " " + u.i(2008, 2025);
        };
    }

    public static String fileName(Ui u) {
        return u.p(0.5) ? Words.word(u.r) + "_" + Words.word(u.r) + "." + u.pick(EXT)
                : u.pick("IMG_", "DSC", "scan-", "report-", "notes-", "") + u.i(1, 9999) + "." + u.pick(EXT);
    }

    /** A file manager's detail view: names, sizes, types, dates. */
    public static Table files(Ui u, int n) {
        Table t = new Table().col(Table.Column.text("Name", 2)).col(Table.Column.number("Size")).col(Table.Column.text("Type", 0.6))
                .col(Table.Column.text(u.pick("Modified", "Date Modified", "Last modified"), 0.6));
        for (int k = 0; k < n; k++) {
            boolean dir = k < u.i(0, 6);
            String name = dir ? u.pick(FOLDERS) : fileName(u);
            t.add(name, dir ? u.i(0, 120) + " items" : size(u), dir ? "Folder" : name.substring(name.lastIndexOf('.') + 1).toUpperCase() + " file", when(u))
                    .icon(dir ? Icons.Kind.FOLDER : name.endsWith("png") || name.endsWith("jpg") ? Icons.Kind.IMAGE : Icons.Kind.FILE);
        }
        return t;
    }

    /** A folder tree for side panels. */
    public static Table folderTree(Ui u) {
        Table t = new Table().col(Table.Column.text("", 1));
        t.add(u.pick("Home", "/home/" + Words.firstName(u.r).toLowerCase(), "This PC", "Computer")).depth(0, true).icon(Icons.Kind.HOME);
        for (int k = 0; k < u.i(6, 14); k++) {
            int d = u.i(1, 3);
            t.add(u.pick(FOLDERS)).depth(d, u.p(0.3)).icon(Icons.Kind.FOLDER);
        }
        return t;
    }

    /** A system monitor's process list. */
    public static Table processes(Ui u, int n) {
        Table t = new Table().col(Table.Column.text("Process Name", 1.5)).col(Table.Column.text("User", 0.5)).col(Table.Column.number("% CPU"))
                .col(Table.Column.number("ID")).col(Table.Column.number("Memory")).col(Table.Column.number(u.pick("Disk read total", "Threads", "Priority")));
        for (int k = 0; k < n; k++) {
            t.add(u.pick(PROCS), u.pick("root", Words.firstName(u.r).toLowerCase()), String.format("%.1f", u.u(0, 40) * u.u(0, 1)),
                    Integer.toString(u.i(1, 65000)), String.format("%,.1f MiB", u.u(0.2, 2400)), u.p(0.5) ? String.format("%,d", u.i(1, 900000)) + " KiB"
                            : Integer.toString(u.i(0, 40)));
        }
        return t;
    }

    /** Installed packages with versions and sizes. */
    public static Table packages(Ui u, int n) {
        Table t = new Table().col(Table.Column.text("Package", 1.2)).col(Table.Column.text("Installed Version", 0.6)).col(Table.Column.text("Latest", 0.6))
                .col(Table.Column.number("Size")).col(Table.Column.text("Description", 2));
        for (int k = 0; k < n; k++) {
            String v = u.i(0, 12) + "." + u.i(0, 30) + "." + u.i(0, 9) + (u.p(0.4) ? "-" + u.i(1, 5) : "");
            t.add(u.pick(PACKAGES), v, u.p(0.3) ? u.i(0, 12) + "." + u.i(0, 30) + "." + u.i(0, 9) : v, String.format("%,d kB", u.i(10, 90000)),
                    Words.sentence(u.r));
        }
        return t;
    }

    /** A spreadsheet of non-money numbers: measurements, counts, scores, grades, timetables, weather, populations. */
    public static Table numberSheet(Ui u) {
        int kind = u.i(0, 7);
        Table t = new Table();
        List<String> head = new ArrayList<>();
        int rows = u.i(8, 30);
        switch (kind) {
            case 0 -> head.addAll(List.of("Sample", "Length (mm)", "Width (mm)", "Mass (g)", "Temp (°C)", "pH"));
            case 1 -> head.addAll(List.of("Student", "Test 1", "Test 2", "Test 3", "Project", "Average", "Grade"));
            case 2 -> head.addAll(List.of("Team", "P", "W", "D", "L", "GF", "GA", "GD", "Pts"));
            case 3 -> head.addAll(List.of("Stop", "06:12", "06:42", "07:12", "07:42", "08:12", "08:42"));
            case 4 -> head.addAll(List.of("Date", "High °C", "Low °C", "Rain (mm)", "Wind (km/h)", "Humidity %"));
            case 5 -> head.addAll(List.of("City", "Population", "Area (km²)", "Density /km²", "Elevation (m)", "Founded"));
            case 6 -> head.addAll(List.of("Item", "In stock", "Ordered", "Shelf", "Weight (kg)", "Count"));
            default -> head.addAll(List.of("Run", "Epoch", "Loss", "Accuracy", "Time (s)", "Memory (MB)"));
        }
        for (int c = 0; c < head.size(); c++) {
            t.col(c == 0 ? Table.Column.text("", 1.3) : Table.Column.number(""));
        }
        t.add(head.toArray(String[]::new)).bold();
        for (int k = 0; k < rows; k++) {
            String[] cells = new String[head.size()];
            Table.Row row = new Table.Row(cells);
            switch (kind) {
                case 0 -> {
                    cells[0] = "S-" + (100 + k);
                    cells[1] = String.format("%.2f", u.u(5, 250));
                    cells[2] = String.format("%.2f", u.u(2, 90));
                    cells[3] = String.format("%,.1f", u.u(0.5, 4000));
                    double temp = u.u(-12, 38);
                    cells[4] = String.format("%.1f", temp);
                    if (temp < 0) {
                        row.color(4, u.s.link());
                    }
                    cells[5] = String.format("%.2f", u.u(3, 9));
                }
                case 1 -> {
                    cells[0] = Words.person(u.r);
                    double sum = 0;
                    for (int c = 1; c <= 4; c++) {
                        double v = u.u(35, 100);
                        sum += v;
                        cells[c] = String.format("%.0f", v);
                    }
                    cells[5] = String.format("%.1f", sum / 4);
                    cells[6] = sum / 4 > 85 ? "A" : sum / 4 > 70 ? "B" : sum / 4 > 55 ? "C" : "D";
                    if (sum / 4 < 55) {
                        row.color(6, u.s.red());
                    }
                }
                case 2 -> {
                    cells[0] = u.pick(TEAMS);
                    int w = u.i(0, 20);
                    int d = u.i(0, 10);
                    int l = u.i(0, 20);
                    int gf = u.i(10, 70);
                    int ga = u.i(10, 70);
                    cells[1] = Integer.toString(w + d + l);
                    cells[2] = Integer.toString(w);
                    cells[3] = Integer.toString(d);
                    cells[4] = Integer.toString(l);
                    cells[5] = Integer.toString(gf);
                    cells[6] = Integer.toString(ga);
                    cells[7] = (gf - ga > 0 ? "+" : "") + (gf - ga);
                    cells[8] = Integer.toString(3 * w + d);
                    if (gf < ga) {
                        row.color(7, u.s.red());
                    }
                }
                case 3 -> {
                    cells[0] = Words.place(u.r) + u.pick("", " Station", " Square", " Road");
                    for (int c = 1; c < cells.length; c++) {
                        cells[c] = String.format("%02d:%02d", 6 + c / 2, (12 + k * 3 + c * 30) % 60);
                    }
                }
                case 4 -> {
                    cells[0] = String.format("%02d/%02d", u.i(1, 28), u.i(1, 12));
                    double hi = u.u(-5, 35);
                    cells[1] = String.format("%.1f", hi);
                    cells[2] = String.format("%.1f", hi - u.u(3, 12));
                    cells[3] = String.format("%.1f", u.p(0.5) ? 0 : u.u(0, 40));
                    cells[4] = Integer.toString(u.i(0, 70));
                    cells[5] = Integer.toString(u.i(20, 100));
                }
                case 5 -> {
                    cells[0] = Words.place(u.r);
                    int pop = u.i(2000, 3_000_000);
                    double area = u.u(5, 900);
                    cells[1] = String.format("%,d", pop);
                    cells[2] = String.format("%,.1f", area);
                    cells[3] = String.format("%,.0f", pop / area);
                    cells[4] = Integer.toString(u.i(0, 2400));
                    cells[5] = Integer.toString(u.i(800, 1950));
                }
                case 6 -> {
                    cells[0] = u.pick(Finance.PRODUCTS);
                    int stock = u.i(-5, 900);
                    cells[1] = Integer.toString(stock);
                    if (stock < 0) {
                        row.color(1, u.s.red());
                        cells[1] = "(" + (-stock) + ")";
                    }
                    cells[2] = Integer.toString(u.i(0, 200));
                    cells[3] = Words.upperLetters(u.r, 1) + "-" + u.i(1, 40);
                    cells[4] = String.format("%,.2f", u.u(0.05, 1500));
                    cells[5] = String.format("%,d", u.i(0, 20000));
                }
                default -> {
                    cells[0] = "run-" + u.i(1, 40);
                    cells[1] = Integer.toString(k + 1);
                    cells[2] = String.format("%.4f", Math.exp(-k * 0.1) * u.u(0.5, 2));
                    cells[3] = String.format("%.3f", 1 - Math.exp(-k * 0.2) * u.u(0.2, 0.6));
                    cells[4] = String.format("%,.1f", u.u(5, 900));
                    cells[5] = String.format("%,d", u.i(200, 16000));
                }
            }
            t.rows.add(row);
        }
        if (kind == 0 || kind == 4 || kind == 6) {
            String[] avg = new String[head.size()];
            avg[0] = u.pick("Mean", "Average", "Total", "n = " + rows);
            for (int c = 1; c < avg.length; c++) {
                avg[c] = String.format("%.2f", u.u(1, 200));
            }
            t.add(avg).bold();
        }
        return t;
    }

    /** A mail client's message list. */
    public static Table mail(Ui u, int n) {
        Table t = new Table().col(Table.Column.text("", 0)).col(Table.Column.text(u.pick("From", "Correspondents"), 1)).col(Table.Column.text("Subject", 2))
                .col(Table.Column.text("Date", 0.5));
        for (int k = 0; k < n; k++) {
            Table.Row r = t.add(u.p(0.2) ? "★" : "", Words.person(u.r), u.pick(SUBJECTS), when(u));
            if (u.p(0.25)) {
                r.bold();
            }
        }
        return t;
    }

    public static Table mailFolders(Ui u) {
        Table t = new Table().col(Table.Column.text("", 1));
        t.add(Words.firstName(u.r).toLowerCase() + "@" + Words.word(u.r) + ".org").depth(0, true).icon(Icons.Kind.MAIL);
        for (String f : List.of("Inbox (" + u.i(1, 300) + ")", "Drafts", "Sent", "Archive", "Spam", "Trash", u.pick("Family", "Club", "Work", "Lists"))) {
            t.add(f).depth(1, false).icon(Icons.Kind.FOLDER);
        }
        return t;
    }

    /** Source code in one of a few languages. */
    public static List<Line> code(Ui u, int n) {
        List<Line> out = new ArrayList<>();
        int lang = u.i(0, 3);
        int indent = 0;
        String[] names = {"count", "index", "width", "height", "items", "buffer", "result", "offset", "image", "pixels", "name", "path", "node", "total"};
        while (out.size() < n) {
            String a = u.pick(names);
            String b = u.pick(names);
            String pad = "    ".repeat(Math.max(0, indent));
            String line = switch (lang) {
                case 0 -> switch (u.i(0, 7)) {
                    case 0 -> pad + "for (int i = 0; i < " + a + ".length; i++) {";
                    case 1 -> pad + "int " + a + " = " + b + " * " + u.i(2, 64) + ";";
                    case 2 -> pad + "// " + Words.sentence(u.r);
                    case 3 -> pad + "if (" + a + " > " + b + ") {";
                    case 4 -> pad + "return " + a + ";";
                    case 5 -> pad + "}";
                    case 6 -> pad + "public static void " + a + "(" + "String " + b + ") {";
                    default -> pad + b + ".add(" + a + ");";
                };
                case 1 -> switch (u.i(0, 6)) {
                    case 0 -> pad + "def " + a + "(" + b + ", " + u.pick(names) + "):";
                    case 1 -> pad + a + " = [x * " + u.i(2, 9) + " for x in " + b + "]";
                    case 2 -> pad + "# " + Words.sentence(u.r);
                    case 3 -> pad + "if " + a + " is None:";
                    case 4 -> pad + "return " + a;
                    case 5 -> pad + "import " + u.pick("os", "sys", "numpy as np", "json", "re", "pathlib");
                    default -> pad + "print(f\"{" + a + "} " + Words.word(u.r) + "\")";
                };
                case 2 -> switch (u.i(0, 5)) {
                    case 0 -> pad + "const " + a + " = document.querySelector('#" + b + "');";
                    case 1 -> pad + "function " + a + "(" + b + ") {";
                    case 2 -> pad + "// " + Words.sentence(u.r);
                    case 3 -> pad + a + ".style.width = `${" + b + " * " + u.i(2, 9) + "}px`;";
                    case 4 -> pad + "}";
                    default -> pad + "await fetch('/api/" + a + "/' + " + b + ");";
                };
                default -> switch (u.i(0, 4)) {
                    case 0 -> pad + "#include <" + u.pick("stdio.h", "stdlib.h", "string.h", "math.h") + ">";
                    case 1 -> pad + "static int " + a + "(const char *" + b + ") {";
                    case 2 -> pad + "/* " + Words.sentence(u.r) + " */";
                    case 3 -> pad + a + " += " + b + "[" + u.i(0, 16) + "];";
                    default -> pad + "}";
                };
            };
            if (line.endsWith("{") || line.endsWith(":")) {
                indent = Math.min(indent + 1, 4);
            } else if (line.trim().equals("}") || line.trim().startsWith("return")) {
                indent = Math.max(indent - 1, 0);
            }
            out.add(Line.plain(line));
        }
        return out;
    }

    /** A terminal session: prompts, commands and their output. */
    public static List<Line> terminal(Ui u, int n) {
        List<Line> out = new ArrayList<>();
        String user = Words.firstName(u.r).toLowerCase();
        String host = u.pick("debian", "laptop", "workstation", "pi", "server01");
        while (out.size() < n) {
            String prompt = user + "@" + host + ":~/" + u.pick(Plain.FOLDERS).toLowerCase().replace(' ', '-') + "$ ";
            switch (u.i(0, 5)) {
                case 0 -> {
                    out.add(Line.plain(prompt + "ls -l"));
                    out.add(Line.plain("total " + u.i(8, 900)));
                    for (int k = 0; k < u.i(3, 10); k++) {
                        out.add(Line.plain(String.format("-rw-r--r-- 1 %s %s %8d %s %2d %02d:%02d %s", user, user, u.i(10, 9_000_000),
                                u.pick("Jan", "Mar", "Jun", "Sep", "Dec"), u.i(1, 28), u.i(0, 23), u.i(0, 59), fileName(u))));
                    }
                }
                case 1 -> {
                    out.add(Line.plain(prompt + "git log --oneline | head"));
                    for (int k = 0; k < u.i(3, 8); k++) {
                        out.add(Line.plain(String.format("%07x %s", u.r.nextInt(0xfffffff), Words.sentence(u.r))));
                    }
                }
                case 2 -> {
                    out.add(Line.plain(prompt + "df -h"));
                    out.add(Line.plain("Filesystem      Size  Used Avail Use% Mounted on"));
                    for (int k = 0; k < u.i(2, 5); k++) {
                        out.add(Line.plain(String.format("/dev/sda%d       %3dG  %3dG  %3dG  %2d%% %s", k + 1, u.i(20, 900), u.i(1, 400), u.i(1, 400),
                                u.i(1, 99), u.pick("/", "/home", "/boot", "/var", "/mnt/data"))));
                    }
                }
                case 3 -> {
                    out.add(Line.plain(prompt + u.pick("make -j2", "mvn -q test", "cargo build", "python3 train.py")));
                    for (int k = 0; k < u.i(2, 6); k++) {
                        out.add(Line.plain(u.pick("[INFO] ", "  Compiling ", "epoch " + u.i(1, 30) + ": ", "cc -O2 -c ") + Words.words(u.r, u.i(2, 6))
                                + (u.p(0.4) ? String.format(" %.2fs", u.u(0.1, 20)) : "")));
                    }
                }
                case 4 -> {
                    out.add(Line.plain(prompt + "ping -c 3 " + Words.word(u.r) + ".org"));
                    for (int k = 0; k < 3; k++) {
                        out.add(Line.plain(String.format("64 bytes from 10.0.%d.%d: icmp_seq=%d ttl=%d time=%.1f ms", u.i(0, 9), u.i(1, 254), k + 1,
                                u.i(40, 64), u.u(1, 90))));
                    }
                }
                default -> {
                    out.add(Line.plain(prompt + "free -m"));
                    out.add(Line.plain("               total        used        free      shared  buff/cache   available"));
                    out.add(Line.plain(String.format("Mem:           %5d       %5d       %5d         %3d        %4d       %5d", u.i(2000, 64000),
                            u.i(500, 9000), u.i(100, 9000), u.i(10, 900), u.i(100, 9000), u.i(500, 30000))));
                    out.add(Line.plain(String.format("Swap:          %5d       %5d       %5d", u.i(0, 4096), u.i(0, 400), u.i(0, 4000))));
                }
            }
        }
        return out;
    }

    /** Maths as documents and help pages show it. */
    public static String formula(Ui u) {
        return u.pick("E = mc²", "a² + b² = c²", "x = (−b ± √(b² − 4ac)) / 2a", "∫₀¹ x² dx = 1/3", "σ = √(Σ(xᵢ − μ)² / N)", "f(x) = sin(2πx) + ½ cos(x)",
                "∇ · E = ρ / ε₀", "P(A|B) = P(B|A) P(A) / P(B)", "lim n→∞ (1 + 1/n)ⁿ = e", "F = G m₁m₂ / r²", "y = mx + b", "Σ k = n(n+1)/2",
                "det(A − λI) = 0", "v = d / t", "A = πr²", "eⁱᵖ + 1 = 0");
    }

    /** A help page's numbered steps for some ordinary program. */
    public static List<String> steps(Ui u, int n) {
        String[] verbs = {"Open the", "Choose", "Click", "Select", "Drag the", "Press", "Enter a name in the", "Enable", "Set the", "Close the"};
        String[] things = {"Layers dialog", "File › Export As…", "Preferences window", "Brush tool", "Levels dialog", "Print Preview", "Styles pane",
                "Insert › Image", "Tools › Options", "histogram channel to Value", "zoom to 100%", "spell checker", "OK button", "Filters menu",
                "document outline", "page margins to 2 cm", "Crop tool", "Ctrl+S", "Undo History", "network settings"};
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add((k + 1) + ". " + u.pick(verbs) + " " + u.pick(things) + (u.p(0.5) ? ". " + Words.sentence(u.r) : "."));
        }
        return out;
    }
}
