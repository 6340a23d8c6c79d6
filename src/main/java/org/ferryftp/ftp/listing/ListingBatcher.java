package org.ferryftp.ftp.listing;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses listing lines as they arrive and hands them to a {@link ListingSink} in batches: a small first
 * batch (so the first rows show early), then every {@link #BATCH} lines or when {@link #tick} finds the
 * last batch {@link #MAX_WAIT_NANOS} old. Each line is parsed on its own, exactly as the whole-listing
 * parsers do, so the batches together equal the whole listing. LIST output of systems whose parser
 * joins lines (VMS, MVS and the like) is kept until the end and parsed in one piece.
 */
public final class ListingBatcher {

    static final int FIRST_BATCH = 1_000;
    static final int BATCH = 5_000;
    private static final long MAX_WAIT_NANOS = 100_000_000L;

    private final boolean machine;
    private final String syst;
    private final boolean wholeOnly;
    private final ListParser.Lines listParser;
    private final ListingSink sink;
    private List<String> pending = new ArrayList<>();
    private int limit = FIRST_BATCH;
    private long lastFlush = System.nanoTime();

    private ListingBatcher(boolean machine, String syst, ListingSink sink) {
        this.machine = machine;
        this.syst = syst;
        this.wholeOnly = !machine && !ListParser.isUnixLike(syst);
        this.listParser = machine || wholeOnly ? null : new ListParser.Lines(syst);
        this.sink = sink;
    }

    /** For MLSD lines. */
    public static ListingBatcher mlsd(ListingSink sink) {
        return new ListingBatcher(true, null, sink);
    }

    /** For LIST lines of a server whose SYST reply was {@code syst} (may be null). */
    public static ListingBatcher list(String syst, ListingSink sink) {
        return new ListingBatcher(false, syst, sink);
    }

    /** Adds one line (without its line end); false when the sink asked to stop. */
    public boolean line(String line) {
        pending.add(line);
        return wholeOnly || pending.size() < limit || flush();
    }

    /** Called between chunks of bytes: hands over what is pending once the last batch is old enough. */
    public boolean tick() {
        return wholeOnly || pending.isEmpty() || System.nanoTime() - lastFlush < MAX_WAIT_NANOS || flush();
    }

    /** The listing ended: hands over the rest; false when the sink asked to stop. */
    public boolean finish() {
        return pending.isEmpty() || flush();
    }

    private boolean flush() {
        List<String> lines = pending;
        pending = new ArrayList<>(BATCH);
        limit = BATCH;
        lastFlush = System.nanoTime();
        ListingResult batch = machine ? ListingParser.parseMlsd(lines)
                : wholeOnly ? ListingParser.parseList(lines, syst) : ListingParser.parseList(lines, listParser);
        return sink.accept(batch);
    }

}
