package org.easel.synth.render;

import java.util.Random;

/** Invented but plausible text: prose, names, places, companies. No money, no figures. */
public final class Words {
    static final String[] COMMON = ("the of and to in is was that for it with as his on be at by had this from or but not are they which you one "
            + "were her all she there would their we him been has when who will more no if out so said what up its about into than them can only "
            + "other new some could time these two may then do first any my now such like our over man me even most made after also did many before "
            + "must through back years where much your way well down should because each just those people how too little state good very make world "
            + "still own see men work long get here between both life being under never day same another know while last might us great old year off "
            + "come since against go came right used take three garden river morning light window quiet winter summer forest letter story music "
            + "evening mountain village bridge road water house children friend mother father sea wind rain snow bird flower tree stone field "
            + "silver green blue golden soft bright gentle slowly softly remember dream walk sing open close across beyond toward under beside").split(" ");
    static final String[] FIRST = {"Anna", "James", "Maria", "David", "Sofia", "Liam", "Emma", "Noah", "Olivia", "Lucas", "Mia", "Ethan", "Chloe",
            "Hugo", "Ines", "Kenji", "Aiko", "Ravi", "Priya", "Omar", "Leila", "Tom", "Grace", "Felix", "Nina", "Paul", "Clara", "Ivan", "Zoe", "Sam"};
    static final String[] LAST = {"Smith", "Garcia", "Müller", "Rossi", "Dubois", "Tanaka", "Kowalski", "Nguyen", "Johnson", "Brown", "Silva",
            "Jensen", "Novak", "Patel", "Khan", "Lopez", "Martin", "Weber", "Fischer", "Moreau", "Larsen", "Costa", "Evans", "Walker", "Reyes"};
    static final String[] PLACES = {"Oakridge", "Riverside", "Maple Grove", "Northfield", "Lakeview", "Hillcrest", "Westbrook", "Fairview",
            "Stonebridge", "Elmwood", "Brookhaven", "Kingsport", "Ashford", "Millbrook", "Clearwater", "Pinehurst", "Harborview", "Glenwood"};
    static final String[] STREETS = {"Main St", "Oak Ave", "Park Rd", "Mill Lane", "High St", "Church Rd", "Station Rd", "River Walk", "Elm St",
            "King St", "Queen St", "Bridge St", "Market St", "Castle Rd", "Garden Way", "Harbour Rd", "North Ave", "Hill Rd"};
    static final String[] CO_A = {"Apex", "Blue", "Summit", "Northwind", "Vertex", "Silver", "Crescent", "Pioneer", "Atlas", "Quantum", "Global",
            "Pacific", "Evergreen", "Sterling", "Harbor", "Orion", "Nova", "Granite", "Meridian", "Cobalt"};
    static final String[] CO_B = {"Holdings", "Industries", "Systems", "Technologies", "Partners", "Group", "Capital", "Labs", "Foods",
            "Logistics", "Energy", "Media", "Retail", "Motors", "Pharma", "Networks", "Solutions", "Materials"};
    static final String[] CO_C = {"Inc.", "Corp.", "Ltd.", "PLC", "AG", "S.A.", "LLC", "N.V.", "GmbH", ""};

    private Words() {
    }

    public static String word(Random r) {
        return COMMON[r.nextInt(COMMON.length)];
    }

    public static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(word(r));
        }
        return sb.toString();
    }

    public static String title(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = word(r);
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }

    public static String sentence(Random r) {
        String s = words(r, 5 + r.nextInt(12));
        String end = r.nextDouble() < 0.85 ? "." : r.nextBoolean() ? "?" : "!";
        if (r.nextDouble() < 0.3) {
            String[] parts = s.split(" ");
            int k = 1 + r.nextInt(parts.length - 1);
            parts[k - 1] = parts[k - 1] + ",";
            s = String.join(" ", parts);
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + end;
    }

    public static String paragraph(Random r, int sentences) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(sentence(r));
        }
        return sb.toString();
    }

    public static String person(Random r) {
        return FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
    }

    public static String firstName(Random r) {
        return FIRST[r.nextInt(FIRST.length)];
    }

    public static String place(Random r) {
        return PLACES[r.nextInt(PLACES.length)];
    }

    public static String street(Random r) {
        return STREETS[r.nextInt(STREETS.length)];
    }

    public static String company(Random r) {
        String c = CO_C[r.nextInt(CO_C.length)];
        return CO_A[r.nextInt(CO_A.length)] + " " + CO_B[r.nextInt(CO_B.length)] + (c.isEmpty() ? "" : " " + c);
    }

    public static String address(Random r) {
        return (1 + r.nextInt(250)) + " " + street(r) + ", " + place(r);
    }

    public static String upperLetters(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('A' + r.nextInt(26)));
        }
        return sb.toString();
    }
}
