package org.ferryftp.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ferry selftest}, the check the installers' build runs from the packaged launcher. */
class SelfTestCommandTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int ferry(String... args) {
        out.reset();
        err.reset();
        return FerryCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void passesAgainstTheEmbeddedServerWithOneLine() {
        assertEquals(0, ferry("selftest"), err());
        assertEquals(1, out().lines().count(), out());
        assertTrue(out().startsWith("ferry selftest: OK (plain FTP, FTPS explicit, PROT P, FTPS implicit, PROT P): "
                + "put, ls, get of 1,052,675 bytes, identical"), out());
    }

    @Test
    void tlsVariantsUseTlsOnTheWire() {
        assertEquals(0, ferry("selftest", "--variant", "explicit_tls", "--log"), err());
        assertTrue(out().startsWith("ferry selftest: OK (FTPS explicit, PROT P)"), out());
    }

    @Test
    void passesProtocolOptionsOnToEveryStep() {
        assertEquals(0, ferry("selftest", "--active", "--variant", "plain"), err());
        // MINA FtpServer implements only STRU F: a forwarded --structure R must make the upload fail.
        assertEquals(1, ferry("selftest", "--structure", "R"));
        assertTrue(err().startsWith("ferry selftest: FAILED (plain FTP): put exited with 1"), err());
        assertTrue(err().contains("STRU"), err());
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void reportsAFailedStepInsteadOfPassing() throws Exception {
        // A server that refuses writes: the upload must fail and the selftest must say so.
        String failure = SelfTestCommand.check(SelfTestCommand.Variant.PLAIN, List.of(), false);
        assertNotNull(failure);
        assertTrue(failure.startsWith("put exited with 1"), failure);
        assertNull(SelfTestCommand.check(SelfTestCommand.Variant.PLAIN, List.of(), true));
    }

    @Test
    void unknownVariantIsBadUsage() {
        assertEquals(2, ferry("selftest", "--variant", "carrier-pigeon"));
        assertTrue(err().contains("unknown variant carrier-pigeon"), err());
    }

    @Test
    void isLeftOutOfTheUsage() {
        assertEquals(0, ferry("--help"));
        assertFalse(out().contains("selftest"), out());
    }
}
