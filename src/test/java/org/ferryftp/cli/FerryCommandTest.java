package org.ferryftp.cli;

import org.ferryftp.fs.PartialDownload;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ferry command line against embedded MINA FtpServer. */
class FerryCommandTest {

    @TempDir
    Path root;
    @TempDir
    Path local;
    EmbeddedMinaServer server;
    String base;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = Map.of();

    @BeforeEach
    void start() {
        server = new EmbeddedMinaServer(root);
        base = "ftp://" + EmbeddedMinaServer.USER + ":" + EmbeddedMinaServer.PASSWORD + "@127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    int ferry(String... args) {
        out.reset();
        err.reset();
        return FerryCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsADirectory() {
        server.write("docs/report.pdf", new byte[2048]);
        server.write("docs/old/x", new byte[1]);
        assertEquals(0, ferry("ls", base + "/docs"), err());
        String listing = out.toString(StandardCharsets.UTF_8);
        assertTrue(listing.contains("2048") && listing.contains("report.pdf"), listing);
        assertTrue(listing.lines().anyMatch(l -> l.startsWith("d") && l.endsWith(" old")), listing);
    }

    @Test
    void putThenGetRoundTrip() throws Exception {
        byte[] data = new byte[500_000];
        new Random(7).nextBytes(data);
        Path src = Files.write(local.resolve("src.bin"), data);
        Files.createDirectories(root.resolve("in"));
        assertEquals(0, ferry("put", src.toString(), base + "/in/"), err());
        assertArrayEquals(data, Files.readAllBytes(root.resolve("in/src.bin")));
        Path dst = local.resolve("copy.bin");
        assertEquals(0, ferry("get", base + "/in/src.bin", "-o", dst.toString()), err());
        assertArrayEquals(data, Files.readAllBytes(dst));
        assertFalse(Files.exists(local.resolve("copy.bin" + PartialDownload.SUFFIX)));
    }

    @Test
    void passwordFromEnvironmentAndActiveMode() throws Exception {
        server.write("a.txt", "hello".getBytes());
        env = Map.of("FERRY_PASSWORD", EmbeddedMinaServer.PASSWORD);
        String url = "ftp://" + EmbeddedMinaServer.USER + "@127.0.0.1:" + server.port() + "/a.txt";
        assertEquals(0, ferry("get", "--active", "--log", url, "-o", local.resolve("a.txt").toString()), err());
        assertEquals("hello", Files.readString(local.resolve("a.txt")));
        assertTrue(err().contains("PORT "), err());
        assertTrue(err().contains("PASS ****"), err());
        assertFalse(err().contains(EmbeddedMinaServer.PASSWORD));
    }

    @Test
    void resumesAPartialDownload() throws Exception {
        byte[] data = new byte[800_000];
        new Random(8).nextBytes(data);
        server.write("r.bin", data);
        Path dst = local.resolve("r.bin");
        Files.write(local.resolve("r.bin" + PartialDownload.SUFFIX), Arrays.copyOf(data, 123_456));
        assertEquals(0, ferry("get", "--log", base + "/r.bin", "-o", dst.toString(), "--resume"), err());
        assertArrayEquals(data, Files.readAllBytes(dst));
        assertTrue(err().contains("REST 123456"), err());
    }

    @Test
    void mkdirMvRm() throws Exception {
        assertEquals(0, ferry("mkdir", base + "/x/y/z"), err());
        assertTrue(Files.isDirectory(root.resolve("x/y/z")));
        server.write("x/y/z/f.txt", new byte[4]);
        assertEquals(0, ferry("mv", base + "/x/y/z/f.txt", "/x/g.txt"), err());
        assertTrue(Files.exists(root.resolve("x/g.txt")));
        assertEquals(2, ferry("rm", base + "/x"));
        assertTrue(err().contains("is a directory; use rm -r"), err());
        assertEquals(0, ferry("rm", "-r", base + "/x"), err());
        assertFalse(Files.exists(root.resolve("x")));
    }

    @Test
    void recursiveGetAndPutGoThroughTheQueue() throws Exception {
        for (int i = 0; i < 20; i++) {
            server.write("tree/sub" + (i % 3) + "/f" + i + ".txt", ("file " + i).getBytes());
        }
        Path down = local.resolve("down");
        assertEquals(0, ferry("get", "-r", "--parallel", "3", base + "/tree", "-o", down.toString()), err());
        for (int i = 0; i < 20; i++) {
            assertEquals("file " + i, Files.readString(down.resolve("tree/sub" + (i % 3) + "/f" + i + ".txt")));
        }
        // The target directory must exist: put never creates it (or its parents) silently.
        assertEquals(1, ferry("put", "-r", down.resolve("tree").toString(), base + "/copy"), err());
        Files.createDirectories(root.resolve("copy"));
        assertEquals(0, ferry("put", "-r", down.resolve("tree").toString(), base + "/copy"), err());
        assertEquals("file 7", Files.readString(root.resolve("copy/tree/sub1/f7.txt")));
        // Again: every target exists now; the default skips rather than overwrites, and says so with exit 3.
        Files.writeString(down.resolve("tree/sub0/f0.txt"), "changed locally");
        assertEquals(3, ferry("get", "-r", base + "/tree", "-o", down.toString()), err());
        assertEquals("changed locally", Files.readString(down.resolve("tree/sub0/f0.txt")));
        assertTrue(err().contains("20 files skipped because the target exists"), err());
        assertEquals(0, ferry("get", "-r", "--on-conflict", "overwrite", base + "/tree", "-o", down.toString()), err());
        assertEquals("file 0", Files.readString(down.resolve("tree/sub0/f0.txt")));
        assertEquals(2, ferry("get", "-r", "--on-conflict", "sometimes", base + "/tree"));
        assertEquals(2, ferry("get", "-r", "--parallel", "99", base + "/tree"));
    }

    @Test
    void failuresAreOneLineWithTheCause() {
        server.write("e.txt", "x".getBytes());
        assertEquals(1, ferry("get", "--type", "E", base + "/e.txt", "-o", local.resolve("e.txt").toString()));
        assertTrue(err().startsWith("ferry: server refused TYPE E N: 504"), err());
        assertEquals(1, err().strip().lines().count(), err());
        assertFalse(Files.exists(local.resolve("e.txt")));

        assertEquals(1, ferry("get", base + "/missing.bin", "-o", local.resolve("m.bin").toString()));
        assertTrue(err().startsWith("ferry: cannot download missing.bin: 550"), err());
        assertFalse(Files.exists(local.resolve("m.bin")));

        assertEquals(1, ferry("chmod", "644", base + "/e.txt"));
        assertTrue(err().startsWith("ferry: server refused SITE CHMOD 644 e.txt"), err());
    }

    @Test
    void badInputIsAUsageError() {
        assertEquals(2, ferry("ls", "http://example.invalid/"));
        assertTrue(err().contains("not an ftp://, ftpes://, ftps:// or sftp:// URL"), err());
        assertEquals(2, ferry("get", "--type", "Q", base + "/x"));
        assertTrue(err().contains("unknown TYPE 'Q'"), err());
    }

    @Test
    void unreachableServerExitsNonZero() {
        int port = server.port();
        server.close();
        assertEquals(1, ferry("ls", "ftp://127.0.0.1:" + port + "/"));
        assertTrue(err().startsWith("ferry: cannot connect to 127.0.0.1:" + port), err());
    }
}
