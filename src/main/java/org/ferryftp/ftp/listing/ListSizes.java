package org.ferryftp.ftp.listing;

/** Sizes as LIST lines write them; every method gives -1 for a token that is not such a size. */
final class ListSizes {

    private static final String UNITS = "KMGTP";

    private ListSizes() {
    }

    /** Plain digits (up to 18, so always a long). */
    static long digits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Digits, or a number with a binary unit such as {@code 33.5k}, {@code 2KB} or {@code 1.2M} (1k = 1024 bytes). */
    static long withUnit(String s) {
        long plain = digits(s);
        if (plain >= 0 || s.length() < 2 || s.length() > 20) {
            return plain;
        }
        int end = s.length();
        if (Character.toUpperCase(s.charAt(end - 1)) == 'B') {
            end--;
        }
        int unit = end > 1 ? UNITS.indexOf(Character.toUpperCase(s.charAt(end - 1))) : -1;
        if (unit < 0) {
            return -1;
        }
        String number = s.substring(0, end - 1);
        int dot = number.indexOf('.');
        long whole = digits(dot < 0 ? number : number.substring(0, dot));
        long fraction = dot < 0 ? 0 : digits(number.substring(dot + 1));
        if (whole < 0 || fraction < 0 || dot >= 0 && number.length() - dot - 1 > 3 || whole > 1L << 40) {
            return -1;
        }
        double value = dot < 0 ? whole : Double.parseDouble(number);
        return Math.round(value * Math.pow(1024, unit + 1));
    }

    /** Digits grouped in threes by {@code ,} or {@code .} ({@code 9,730}, {@code 1.234.567}) or plain digits. */
    static long grouped(String s) {
        long plain = digits(s);
        if (plain >= 0 || s.length() > 26) {
            return plain;
        }
        char sep = s.indexOf(',') >= 0 ? ',' : '.';
        String[] groups = s.split(sep == ',' ? "," : "\\.", -1);
        if (groups.length < 2 || groups[0].isEmpty() || groups[0].length() > 3) {
            return -1;
        }
        StringBuilder all = new StringBuilder(groups[0]);
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return -1;
            }
            all.append(groups[i]);
        }
        return digits(all.toString());
    }

    /** Hexadecimal digits (MVS load-module sizes). */
    static long hex(String s) {
        if (s.isEmpty() || s.length() > 15) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0 || s.charAt(i) > 'f') {
                return -1;
            }
            n = n * 16 + d;
        }
        return n;
    }
}
