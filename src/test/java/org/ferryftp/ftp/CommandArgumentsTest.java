package org.ferryftp.ftp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandArgumentsTest {

    @Test
    void aPasswordWithALineBreakIsRefusedWithoutBeingShown() {
        UnsafeArgumentException e = assertThrows(UnsafeArgumentException.class,
                () -> CommandArguments.requireSendable("PASS", "s3cret\r\nDELE x", StandardCharsets.UTF_8));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
        UnsafeArgumentException acct = assertThrows(UnsafeArgumentException.class,
                () -> CommandArguments.requireSendable("ACCT", "acc0unt\n", StandardCharsets.UTF_8));
        assertFalse(acct.getMessage().contains("acc0unt"), acct.getMessage());
    }

    @Test
    void otherArgumentsWithALineBreakAreShownEscaped() {
        UnsafeArgumentException e = assertThrows(UnsafeArgumentException.class,
                () -> CommandArguments.requireSendable("CWD", "a\r\nDELE b", StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("a\\r\\nDELE b"), e.getMessage());
    }

    @Test
    void commandLinesOverFourKibibytesAreRefusedLocally() {
        String fits = "p".repeat(CommandArguments.MAX_LINE_BYTES - "RETR ".length() - 2);
        assertDoesNotThrow(() -> CommandArguments.requireSendable("RETR", fits, StandardCharsets.UTF_8));
        UnsafeArgumentException e = assertThrows(UnsafeArgumentException.class,
                () -> CommandArguments.requireSendable("RETR", fits + "p", StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("4096"), e.getMessage());
        assertFalse(e.getMessage().contains(fits), "the message stays one short line");
        // Bytes, not characters: each 'é' is two bytes in UTF-8.
        String wide = "é".repeat(2100);
        assertThrows(UnsafeArgumentException.class,
                () -> CommandArguments.requireSendable("STOR", wide, StandardCharsets.UTF_8));
        UnsafeArgumentException huge = assertThrows(UnsafeArgumentException.class,
                () -> CommandArguments.requireSendable("CWD", "d/".repeat(50_000), StandardCharsets.UTF_8));
        assertTrue(huge.getMessage().length() < 300, huge.getMessage());
    }
}
