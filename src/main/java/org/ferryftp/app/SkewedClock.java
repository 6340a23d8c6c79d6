package org.ferryftp.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A test hook for the journey test (.ci/gui-journey.sh): the speed limiter's monotonic clock, run ahead by
 * the number of seconds written in the file that {@value #ENV} names, so that the test stands for hours of
 * idle time without waiting them. The file is read again at most every 100 ms of real time (the limiter asks
 * once per chunk). Only active when the variable is set; otherwise the clock is {@code System::nanoTime}.
 */
final class SkewedClock implements LongSupplier {

    static final String ENV = "FERRY_TEST_CLOCK_SKEW_FILE";
    private static final long REREAD_NANOS = 100_000_000L;

    private final Path file;
    private final LongSupplier base;
    private final Consumer<String> problems;
    private long skewNanos;
    private long lastRead;
    private boolean read;
    private String lastProblem;

    SkewedClock(Path file, LongSupplier base, Consumer<String> problems) {
        this.file = file;
        this.base = base;
        this.problems = problems;
    }

    /** The skewed clock when {@value #ENV} is set, else empty. */
    static Optional<LongSupplier> fromEnvironment(Map<String, String> env, Consumer<String> problems) {
        String path = env.get(ENV);
        return path == null || path.isBlank() ? Optional.empty()
                : Optional.of(new SkewedClock(Path.of(path), System::nanoTime, problems));
    }

    @Override
    public synchronized long getAsLong() {
        long now = base.getAsLong();
        if (!read || now - lastRead >= REREAD_NANOS) {
            read = true;
            lastRead = now;
            // A monotonic clock never runs back: a smaller skew than before is ignored.
            skewNanos = Math.max(skewNanos, readSkew());
        }
        return now + skewNanos;
    }

    /** The skew in the file; a missing or empty file is no skew, a bad one keeps the last skew. */
    private long readSkew() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            report(file + ": cannot read the clock skew: " + e.getMessage());
            return skewNanos;
        }
        if (text.isEmpty()) {
            return 0;
        }
        try {
            double seconds = Double.parseDouble(text);
            if (seconds < 0 || Double.isNaN(seconds) || seconds > 1e8) {
                throw new NumberFormatException("out of range");
            }
            return (long) (seconds * 1e9);
        } catch (NumberFormatException e) {
            report(file + ": the clock skew must be seconds from 0 to 1e8, not '" + text + "'");
            return skewNanos;
        }
    }

    private void report(String problem) {
        if (!problem.equals(lastProblem)) {
            lastProblem = problem;
            problems.accept(problem);
        }
    }
}
