package org.ferryftp.cli;

import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input on the command line: one clear line, the right exit code, no retries, no secrets echoed. */
class CliBadInputTest {

    @TempDir
    Path root;
    @TempDir
    Path local;
    EmbeddedMinaServer server;
    String base;
    final CliRun cli = new CliRun();

    @BeforeEach
    void start() {
        server = new EmbeddedMinaServer(root);
        base = "ftp://" + EmbeddedMinaServer.USER + ":" + EmbeddedMinaServer.PASSWORD + "@127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPasswordWithALineBreakIsUsageAndNeverEchoed() {
        assertEquals(2, cli.ferry("ls", "ftp://bob:s3cret%0D%0ADELE%20x@127.0.0.1:" + server.port() + "/"));
        assertFalse(cli.err().contains("s3cret"), cli.err());
        assertTrue(cli.err().contains("password"), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
    }

    @Test
    void badPortsAndEscapesAreUsage() {
        assertEquals(2, cli.ferry("ls", "ftp://127.0.0.1:abc/"));
        assertTrue(cli.err().contains("bad port"), cli.err());
        assertEquals(2, cli.ferry("ls", "ftp://127.0.0.1:" + server.port() + "/a%zz"));
        assertTrue(cli.err().contains("bad percent-escape"), cli.err());
    }

    @Test
    void aHundredThousandCharacterPathIsRefusedLocallyAtOnce() {
        String path = "d".repeat(100_000);
        long start = System.nanoTime();
        assertEquals(1, cli.ferry("get", base + "/" + path, "-o", local.resolve("x").toString()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(cli.err().contains("4096"), cli.err());
        assertTrue(cli.err().length() < 400, "one short line: " + cli.err().length() + " chars");
        // Not retried: retries wait 2 s and more before the second attempt.
        assertTrue(millis < 2_000, "took " + millis + " ms");
    }

    @Test
    void getOfADirectorySaysUseR() throws Exception {
        java.nio.file.Files.createDirectories(root.resolve("photos/2026"));
        assertEquals(1, cli.ferry("get", base + "/photos", "-o", local.resolve("p").toString()));
        assertTrue(cli.err().contains("photos is a directory; use -r"), cli.err());
        assertFalse(java.nio.file.Files.exists(local.resolve("p")));
        assertEquals(0, cli.ferry("get", "-r", base + "/photos", "-o", local.resolve("p").toString()), cli.err());
    }
}
