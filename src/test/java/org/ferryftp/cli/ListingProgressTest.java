package org.ferryftp.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mirror's listing line is rewritten at most every 100 ms of its clock, and its last count always shows. */
class ListingProgressTest {

    @Test
    void rewritesItsLineAtMostEveryIntervalAndEndsWithTheWholeCount() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicLong now = new AtomicLong(5_000_000_000L);
        ListingProgress p = new ListingProgress(err, true, now::get);
        p.listed(10, 9);          // the first shows at once
        p.listed(1000, 1000);     // within the interval: counted, not shown
        now.addAndGet(ListingProgress.INTERVAL_NANOS);
        p.listed(1, 0);
        p.interrupt();
        err.print("ferry: mirror: a note\n");
        p.listed(0, 2);
        p.end();
        assertEquals("\rferry: mirror: listed 1 folders: 10 entries at the source, 9 at the target"
                + "\rferry: mirror: listed 3 folders: 1,011 entries at the source, 1,009 at the target\n"
                + "ferry: mirror: a note\n"
                + "\rferry: mirror: listed 4 folders: 1,011 entries at the source, 1,011 at the target\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void saysNothingWhenNotShown() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ListingProgress p = new ListingProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> 0);
        p.listed(3, 3);
        p.end();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
