package org.ferryftp.ftp;

import java.time.Duration;

/**
 * Every wait in the engine is bounded by one of these, so no call can block forever.
 *
 * @param connect time to establish a TCP connection (control or data)
 * @param reply   time to wait for a reply on the control connection
 * @param data    time a data connection may stay silent before the transfer fails
 */
public record Timeouts(Duration connect, Duration reply, Duration data) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(30),
            Duration.ofSeconds(60));
    private static final Duration MAX_SOCKET_WAIT = Duration.ofMillis(Integer.MAX_VALUE);

    public Timeouts {
        for (Duration d : new Duration[] {connect, reply, data}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
    }

    public static Timeouts ofSeconds(int connect, int reply, int data) {
        return new Timeouts(Duration.ofSeconds(connect), Duration.ofSeconds(reply), Duration.ofSeconds(data));
    }

    int connectMillis() {
        return millis(connect);
    }

    int replyMillis() {
        return millis(reply);
    }

    int dataMillis() {
        return millis(data);
    }

    /** Socket timeouts are ints; a longer wait (a sites.json may say 10^18 s) means "as long as a socket can". */
    private static int millis(Duration d) {
        return d.compareTo(MAX_SOCKET_WAIT) >= 0 ? Integer.MAX_VALUE : (int) d.toMillis();
    }
}
