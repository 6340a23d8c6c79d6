package org.ferryftp.ftp.listing;

import java.util.Arrays;

/**
 * A listing line split at spaces and tabs, keeping where each token starts and ends so that a name can be
 * taken as the rest of the line, spaces and all.
 */
final class ListTokens {

    private final String line;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;

    ListTokens(String line) {
        this.line = line;
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && !isBlank(line.charAt(i))) {
                i++;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = i;
            count++;
        }
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    String line() {
        return line;
    }

    int count() {
        return count;
    }

    /** Token i, or "" past the last one. */
    String get(int i) {
        return i < count ? line.substring(starts[i], ends[i]) : "";
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** The line from token i to its end, spaces inside kept. */
    String from(int i) {
        return line.substring(starts[i]);
    }

    /** Tokens from..to-1 joined by one space ("" when none). */
    String join(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(line, starts[i], ends[i]);
        }
        return sb.toString();
    }
}
