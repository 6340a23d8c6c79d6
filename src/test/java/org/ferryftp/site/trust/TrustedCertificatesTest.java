package org.ferryftp.site.trust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trusted-certificates file: damaged lines cost only themselves, and saves keep what another Ferry added. */
class TrustedCertificatesTest {

    static final String FP_A = "AA:".repeat(31) + "AA";
    static final String FP_B = "BB:".repeat(31) + "BB";
    static final String FP_C = "CC:".repeat(31) + "CC";

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);

    @Test
    void aDamagedLineIsReportedKeptAsideAndTheOtherFingerprintsStay() throws Exception {
        Path file = dir.resolve("trusted-certificates.properties");
        String damaged = "site-a=" + FP_A + "\nsite-x=\\u12zz\ngarbage line\nsite-b=" + FP_B + "\n";
        Files.writeString(file, damaged);

        TrustedCertificates store = new TrustedCertificates(file, clock);

        Path aside = dir.resolve("trusted-certificates.properties.damaged-20260506-070809");
        String problem = store.loadProblem().orElseThrow();
        assertTrue(problem.contains(file.toString()) && problem.contains(aside.toString())
                && problem.contains("2 damaged lines (line 2"), problem);
        assertEquals(damaged, Files.readString(aside));
        assertTrue(store.isTrusted("site-a", FP_A));
        assertTrue(store.isTrusted("site-b", FP_B));
        assertEquals(damaged, Files.readString(file), "reading never writes");
        TrustedCertificates secondRun = new TrustedCertificates(file, clock);
        assertEquals(problem, secondRun.loadProblem().orElseThrow(), "reported again, kept aside once");
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().contains(".damaged-")).count());
        }

        store.trustAlways("site-c", FP_C);
        TrustedCertificates again = new TrustedCertificates(file, clock);
        assertTrue(again.loadProblem().isEmpty(), again.loadProblem().toString());
        assertTrue(again.isTrusted("site-a", FP_A) && again.isTrusted("site-b", FP_B) && again.isTrusted("site-c", FP_C));
    }

    @Test
    void bytesThatAreNotTextCostOnlyTheirLine() throws Exception {
        Path file = dir.resolve("t.properties");
        Files.write(file, ("site-a=" + FP_A + "\n\u0000\u0000\nsite-b=" + FP_B + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] withBadUtf8 = Files.readAllBytes(file);
        withBadUtf8[withBadUtf8.length - 3] = (byte) 0xC3; // a lone lead byte in site-b's line
        Files.write(file, withBadUtf8);

        TrustedCertificates store = new TrustedCertificates(file, clock);
        assertTrue(store.loadProblem().orElseThrow().contains("not text"), store.loadProblem().toString());
        assertTrue(store.isTrusted("site-a", FP_A));
        assertFalse(store.isTrusted("site-b", FP_B));
    }

    @Test
    void aSaveKeepsWhatAnotherProcessTrustedMeanwhile() throws Exception {
        Path file = dir.resolve("t.properties");
        TrustedCertificates mine = new TrustedCertificates(file, clock);
        TrustedCertificates theirs = new TrustedCertificates(file, clock);
        theirs.trustAlways("site-b", FP_B);
        mine.trustAlways("site-a", FP_A);
        TrustedCertificates after = new TrustedCertificates(file, clock);
        assertTrue(after.isTrusted("site-a", FP_A) && after.isTrusted("site-b", FP_B));

        mine.forget("site-a");
        after = new TrustedCertificates(file, clock);
        assertFalse(after.isTrusted("site-a", FP_A));
        assertTrue(after.isTrusted("site-b", FP_B));
    }
}
