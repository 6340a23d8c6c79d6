package org.ferryftp.cli;

import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ferry mirror --checksum}: files of the same size are compared by the server's HASH against the local
 * digest by the same algorithm, so a touched file is left alone and a same-size, same-time change is found; a
 * server without checksums is named once and the plan falls back to size and time.
 */
class MirrorChecksumTest {

    @TempDir
    Path tmp;
    final CliRun cli = new CliRun();

    List<String> plan(String... args) {
        assertEquals(0, cli.ferry(args), cli.err());
        return cli.out().lines().toList();
    }

    @Test
    void sameSizeFilesAreComparedByTheServersHash() throws Exception {
        Path local = Files.createDirectories(tmp.resolve("local"));
        Path served = Files.createDirectories(tmp.resolve("served/site"));
        MirrorCommandTest.write(local.resolve("touched.txt"), "same bytes".getBytes(), "2024-01-01T00:00:00Z");
        MirrorCommandTest.write(served.resolve("touched.txt"), "same bytes".getBytes(), "2024-05-01T00:00:00Z");
        MirrorCommandTest.write(local.resolve("edited.txt"), "new text".getBytes(), "2024-01-01T00:00:00Z");
        MirrorCommandTest.write(served.resolve("edited.txt"), "old text".getBytes(), "2024-01-01T00:00:00Z");
        try (ScriptedFtpServer server = new ScriptedFtpServer(tmp.resolve("served"))) {
            server.features("SIZE", "MDTM", "MLST type*;size*;modify*;", "HASH SHA-256*;SHA-1;MD5;CRC32");
            String url = "ftp://ferry:secret@127.0.0.1:" + server.port() + "/site";
            assertEquals(List.of("skip    edited.txt  (unchanged)",
                    "update  touched.txt  (the target is newer; --newer-only keeps it)"),
                    plan("mirror", "--dry-run", local.toString(), url));
            assertEquals(List.of("update  edited.txt  (SHA-256 differs)", "skip    touched.txt  (same SHA-256)"),
                    plan("mirror", "--dry-run", "--checksum", local.toString(), url));
            assertEquals("", cli.err());
            assertEquals(0, cli.ferry("mirror", "--checksum", local.toString(), url), cli.err());
            assertEquals("new text", Files.readString(served.resolve("edited.txt")));
        }
    }

    @Test
    void withoutChecksumsOnTheServerItSaysSoOnceAndComparesByTime() throws Exception {
        Path local = Files.createDirectories(tmp.resolve("local"));
        Path root = Files.createDirectories(tmp.resolve("mina"));
        for (String name : List.of("a.txt", "b.txt", "c.txt")) {
            MirrorCommandTest.write(local.resolve(name), name.getBytes(), "2024-01-01T00:00:00Z");
            MirrorCommandTest.write(root.resolve("site").resolve(name), name.getBytes(), "2024-01-01T00:00:00Z");
        }
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(root)) {
            String url = "ftp://" + EmbeddedMinaServer.USER + ":" + EmbeddedMinaServer.PASSWORD + "@127.0.0.1:"
                    + server.port() + "/site";
            List<String> lines = plan("mirror", "--dry-run", "--checksum", local.toString(), url);
            assertTrue(lines.stream().allMatch(l -> l.endsWith("(unchanged)")), lines.toString());
            assertEquals(1, cli.err().lines().filter(l -> l.contains("no checksum that both sides offer")).count(),
                    cli.err());
        }
    }
}
