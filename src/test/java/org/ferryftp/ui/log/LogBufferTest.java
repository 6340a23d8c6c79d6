package org.ferryftp.ui.log;

import javafx.collections.ListChangeListener;
import org.ferryftp.ftp.LogEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogBufferTest {

    /** Drains the buffers asked for; the tests run them (or not) themselves. */
    private final List<Runnable> drainsAsked = new ArrayList<>();

    private static LogEntry line(int i) {
        return new LogEntry(Instant.parse("2026-01-01T10:00:00Z"), "c#1", LogEntry.Direction.SENT, "NOOP " + i);
    }

    @Test
    void linesArriveInOneBatchPerDrain() {
        LogBuffer buffer = new LogBuffer(100, drainsAsked::add);
        AtomicInteger changes = new AtomicInteger();
        buffer.entries().addListener((ListChangeListener<LogEntry>) c -> changes.incrementAndGet());
        for (int i = 0; i < 50; i++) {
            buffer.log(line(i));
        }
        assertTrue(buffer.entries().isEmpty(), "nothing reaches the list before the drain");
        assertEquals(50, buffer.drain());
        assertEquals(1, changes.get());
        assertEquals(0, buffer.drain());
        assertEquals(1, changes.get());
    }

    @Test
    void aBurstAsksForOneDrainAndALineAfterItAsksAgainAndAnIdleBufferAsksNothing() throws Exception {
        LogBuffer buffer = new LogBuffer(1000, drainsAsked::add);
        assertEquals(0, drainsAsked.size(), "idle: no drain asked");
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                buffer.log(line(i));
            }
        });
        writer.start();
        writer.join();
        assertEquals(1, drainsAsked.size(), "one drain for the whole burst");
        drainsAsked.get(0).run();
        assertEquals(500, buffer.entries().size());
        assertEquals("NOOP 499", buffer.entries().get(499).text());
        assertEquals(1, drainsAsked.size(), "drained: nothing more asked");
        buffer.log(line(500));
        assertEquals(2, drainsAsked.size(), "the next line asks again");
    }

    @Test
    void keepsOnlyTheNewestLines() {
        LogBuffer buffer = new LogBuffer(10, drainsAsked::add);
        for (int i = 0; i < 8; i++) {
            buffer.log(line(i));
        }
        buffer.drain();
        for (int i = 8; i < 15; i++) {
            buffer.log(line(i));
        }
        buffer.drain();
        assertEquals(10, buffer.entries().size());
        assertEquals("NOOP 5", buffer.entries().get(0).text());
        for (int i = 0; i < 30; i++) {
            buffer.log(line(100 + i));
        }
        buffer.drain();
        assertEquals("NOOP 120", buffer.entries().get(0).text());
    }

    @Test
    void formatsForCopyAndSave() {
        String text = LogBuffer.format(java.util.List.of(line(1)));
        assertEquals("10:00:00 c#1 → NOOP 1" + System.lineSeparator(), text);
    }
}
