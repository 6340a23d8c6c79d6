package org.ferryftp.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleRelayAskerTest {

    @Test
    void withoutATerminalItDeclinesOnceAndSaysWhatToUse() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger looked = new AtomicInteger();
        ConsoleRelayAsker asker = new ConsoleRelayAsker(() -> {
            looked.incrementAndGet();
            return null;
        }, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertFalse(asker.mayRelay("A", "B", "500 Illegal PORT command."));
        assertFalse(asker.mayRelay("A", "B", "again"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("A and B cannot copy directly (500 Illegal PORT command.)"), text);
        assertTrue(text.contains("--relay fallback"), text);
        assertEquals(1, looked.get(), "the answer holds for the rest of the run");
        assertEquals(1, text.lines().count());
    }
}
