package org.ferryftp.ftp;

import java.time.Instant;

/**
 * One line of a connection's control dialogue, or a note from Ferry about it.
 *
 * @param time       when it happened
 * @param connection which connection, e.g. {@code demo@127.0.0.1:2121#3}
 * @param direction  command sent, reply received, or Ferry's own note
 * @param text       the line; arguments of PASS and ACCT are already masked
 */
public record LogEntry(Instant time, String connection, Direction direction, String text) {

    public enum Direction {
        SENT("→"),
        RECEIVED("←"),
        INFO("·"),
        ERROR("!");

        private final String arrow;

        Direction(String arrow) {
            this.arrow = arrow;
        }

        public String arrow() {
            return arrow;
        }
    }

    /** {@code 12:01:02.345 host:21#1 → PWD} style line for text logs. */
    public String format() {
        String t = time.toString();
        int tIndex = t.indexOf('T');
        String clock = tIndex >= 0 ? t.substring(tIndex + 1).replace("Z", "") : t;
        return clock + " " + connection + " " + direction.arrow() + " " + text;
    }
}
