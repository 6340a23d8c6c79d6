package org.ferryftp.ftp.listing;

import org.ferryftp.session.ListingResult;
import org.ferryftp.session.ListingSink;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses listing lines as they arrive and hands them to a {@link ListingSink} in batches: a small first
 * batch (so the first rows show early), then every {@link #BATCH} lines or when {@link #tick} finds the
 * last batch {@link #MAX_WAIT_NANOS} old. One {@link ListLineParser} reads all of a LIST listing, carrying
 * what it knows from batch to batch (the format last seen, a VMS name waiting for its wrapped details), so the
 * batches together equal the whole listing.
 */
public final class ListingBatcher {

    static final int FIRST_BATCH = 1_000;
    static final int BATCH = 5_000;
    private static final long MAX_WAIT_NANOS = 100_000_000L;

    private final ListLineParser listParser;
    private final ListingSink sink;
    private List<String> pending = new ArrayList<>();
    private int limit = FIRST_BATCH;
    private long lastFlush = System.nanoTime();

    private ListingBatcher(ListLineParser listParser, ListingSink sink) {
        this.listParser = listParser;
        this.sink = sink;
    }

    /** For MLSD lines. */
    public static ListingBatcher mlsd(ListingSink sink) {
        return new ListingBatcher(null, sink);
    }

    /** For LIST lines of a server whose SYST reply was {@code syst} (may be null). */
    public static ListingBatcher list(String syst, ListingSink sink) {
        return list(syst, Clock.systemUTC(), sink);
    }

    /** As {@link #list(String, ListingSink)}, reading times without a year against {@code clock}. */
    public static ListingBatcher list(String syst, Clock clock, ListingSink sink) {
        return new ListingBatcher(new ListLineParser(syst, clock), sink);
    }

    /** Adds one line (without its line end); false when the sink asked to stop. */
    public boolean line(String line) {
        pending.add(line);
        return pending.size() < limit || flush(false);
    }

    /** Called between chunks of bytes: hands over what is pending once the last batch is old enough. */
    public boolean tick() {
        return pending.isEmpty() || System.nanoTime() - lastFlush < MAX_WAIT_NANOS || flush(false);
    }

    /** The listing ended: hands over the rest; false when the sink asked to stop. */
    public boolean finish() {
        return flush(true);
    }

    private boolean flush(boolean last) {
        List<String> lines = pending;
        pending = new ArrayList<>(BATCH);
        limit = BATCH;
        lastFlush = System.nanoTime();
        ListingResult batch = listParser == null ? ListingParser.parseMlsd(lines)
                : ListingParser.parseList(lines, listParser, last);
        if (last && batch.entries().isEmpty() && batch.unparsed().isEmpty() && batch.skipped().isEmpty()) {
            return true;
        }
        return sink.accept(batch);
    }
}
