package org.ferryftp.ui;

import java.util.Locale;

/**
 * Byte counts as people read them, one convention for the whole window: binary multiples with their
 * IEC names (1536 → "1.5 KiB"), one decimal below 100 and none above, the locale's decimal mark.
 */
public final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    /** The size as text, or "" when unknown (negative). */
    public static String format(long bytes, Locale locale) {
        if (bytes < 0) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        if (v >= 100) {
            return Math.round(v) + " " + UNITS[unit];
        }
        return String.format(locale, "%.1f %s", v, UNITS[unit]);
    }
}
