package org.ferryftp.ui.search;

import java.util.Locale;

/** A size the user types: bytes, or with K, M or G (1024-based, as the panes show sizes); blank for no bound. */
final class SizeText {

    private SizeText() {
    }

    /** -1 for blank. @throws IllegalArgumentException with a one-line reason */
    static long parse(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty() && "KMG".indexOf(t.charAt(t.length() - 1)) >= 0) {
            unit = 1L << (10 * ("KMG".indexOf(t.charAt(t.length() - 1)) + 1));
            t = t.substring(0, t.length() - 1);
        }
        try {
            double value = Double.parseDouble(t);
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return (long) Math.ceil(value * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not a size (e.g. 500, 20K, 1.5M)");
        }
    }
}
