package org.ferryftp.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Every command line the server received, for the tests' assertions; written by all session threads. */
final class CommandLog {

    /** Guarded by itself; {@link #await} waiters are woken on every new line. */
    private final List<String> lines = new ArrayList<>();

    void record(String line) {
        synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
        }
    }

    List<String> commands() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String lastArgument(String verb) {
        String upperVerb = verb.toUpperCase(Locale.ROOT);
        synchronized (lines) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                FtpCommand command = FtpCommand.parse(lines.get(i));
                if (command.verb().equals(upperVerb)) {
                    return command.argument();
                }
            }
        }
        return null;
    }

    boolean await(String verb, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (lastArgument(verb) == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
            return true;
        }
    }
}
