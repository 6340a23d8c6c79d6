package org.ferryftp.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * The line a mirror keeps up to date on stderr while it lists the two trees: folders and entries listed so far, on
 * both sides. Rewritten in place (carriage return) at most every {@link #INTERVAL_NANOS}, so a tree of 100,000
 * folders costs no 100,000 writes; the last count is always shown when listing ends.
 */
final class ListingProgress {

    static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean shown;
    private final LongSupplier nanos;
    private long folders;
    private long sourceEntries;
    private long targetEntries;
    private long lastShown;
    private boolean onScreen;

    /** @param shown whether to show it at all (a terminal, or --progress) */
    ListingProgress(PrintStream err, boolean shown) {
        this(err, shown, System::nanoTime);
    }

    ListingProgress(PrintStream err, boolean shown, LongSupplier nanos) {
        this.err = err;
        this.shown = shown;
        this.nanos = nanos;
        this.lastShown = nanos.getAsLong() - INTERVAL_NANOS;
    }

    /** One more directory pair listed, with how many entries each side had. */
    void listed(int source, int target) {
        folders++;
        sourceEntries += source;
        targetEntries += target;
        long now = nanos.getAsLong();
        if (shown && now - lastShown >= INTERVAL_NANOS) {
            lastShown = now;
            show();
        }
    }

    /** Something else is printed: the line ends first, so the two do not mix. */
    void interrupt() {
        if (onScreen) {
            err.println();
            onScreen = false;
        }
    }

    /** Listing is over: the final count, on a line of its own. */
    void end() {
        if (shown && folders > 0) {
            show();
            err.println();
            onScreen = false;
        }
    }

    String line() {
        return String.format("ferry: mirror: listed %,d folders: %,d entries at the source, %,d at the target",
                folders, sourceEntries, targetEntries);
    }

    private void show() {
        err.print("\r" + line());
        err.flush();
        onScreen = true;
    }
}
