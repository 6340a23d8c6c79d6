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
        return (int) Math.min(Integer.MAX_VALUE, connect.toMillis());
    }

    int replyMillis() {
        return (int) Math.min(Integer.MAX_VALUE, reply.toMillis());
    }

    int dataMillis() {
        return (int) Math.min(Integer.MAX_VALUE, data.toMillis());
    }
}
