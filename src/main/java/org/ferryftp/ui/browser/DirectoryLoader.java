package org.ferryftp.ui.browser;

import org.ferryftp.fs.DirectoryListing;
import org.ferryftp.fs.FileBrowser;
import org.ferryftp.ui.browser.Listing.RowFilter;
import org.ferryftp.ui.concurrent.UiExecutor;

import java.io.IOException;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Lists a directory for display, off the UI thread. A side that streams its listing (a site) hands it
 * over in batches; the rows so far are then shown early, at most every {@link #PART_INTERVAL_NANOS} and
 * never queued up on the UI thread faster than it shows them. A listing that is no longer wanted stops
 * at its next batch.
 */
final class DirectoryLoader {

    private static final long PART_INTERVAL_NANOS = 100_000_000L;

    private final UiExecutor executor;
    private final FileRows fileRows;

    DirectoryLoader(UiExecutor executor, FileRows fileRows) {
        this.executor = executor;
        this.fileRows = fileRows;
    }

    /**
     * Lists {@code dir} on {@code b}, which the caller holds (off the UI thread). Parts of the listing
     * are passed to {@code part} on the UI thread while {@code wanted} says so; a one-batch listing
     * gives no part. Returns the whole listing, equal to one built from {@code b.list(dir)}.
     *
     * @throws IOException when listing fails or stopped because it was no longer wanted
     */
    Listing list(FileBrowser b, String dir, Comparator<? super FileRow> order, RowFilter filter,
                 BooleanSupplier wanted, Consumer<Listing> part) throws IOException {
        SortedRows rows = new SortedRows(order);
        AtomicBoolean partPending = new AtomicBoolean();
        long[] lastPart = {System.nanoTime()};
        int[] batches = {0};
        DirectoryListing whole = b.list(dir, batch -> {
            if (!wanted.getAsBoolean()) {
                return false;
            }
            rows.add(fileRows.rows(batch.entries()), batch.unparsed());
            batches[0]++;
            long now = System.nanoTime();
            // The first batch alone is not shown: a listing that came in one batch is simply done.
            boolean due = batches[0] == 2 || now - lastPart[0] >= PART_INTERVAL_NANOS;
            if (batches[0] >= 2 && due && partPending.compareAndSet(false, true)) {
                lastPart[0] = now;
                Listing snapshot = snapshot(dir, rows, filter);
                executor.onUiThread(() -> {
                    partPending.set(false);
                    if (wanted.getAsBoolean()) {
                        part.accept(snapshot);
                    }
                });
            }
            return true;
        });
        if (batches[0] == 0) {
            rows.add(fileRows.rows(whole.entries()), whole.unparsed());
        }
        return snapshot(whole.path(), rows, filter);
    }

    private static Listing snapshot(String dir, SortedRows rows, RowFilter filter) {
        return new Listing(dir, rows.rows(), rows.unparsed(), rows.order(), filter, filter.apply(rows.rows()));
    }
}
