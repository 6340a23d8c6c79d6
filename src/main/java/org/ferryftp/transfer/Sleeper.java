package org.ferryftp.transfer;

import java.util.concurrent.TimeUnit;

/**
 * Waits for a while; injected wherever timing matters so tests can advance a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits about {@code nanos} nanoseconds; may return early. Interruptible. */
    void sleepNanos(long nanos) throws InterruptedException;

    /** The real thing: {@link TimeUnit#sleep}. */
    static Sleeper system() {
        return TimeUnit.NANOSECONDS::sleep;
    }
}
