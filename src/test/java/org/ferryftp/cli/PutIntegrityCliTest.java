package org.ferryftp.cli;

import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.UploadCutter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ferry put} when the server session dies mid-upload: exit 0 only with the whole file on the server. */
class PutIntegrityCliTest {

    @TempDir
    Path root;
    @TempDir
    Path local;
    final CliRun cli = new CliRun();

    Path file(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(local.resolve("f.bin"), data);
    }

    static String url(EmbeddedMinaServer server) {
        return "ftp://" + EmbeddedMinaServer.USER + ":" + EmbeddedMinaServer.PASSWORD + "@127.0.0.1:" + server.port() + "/";
    }

    @Test
    void aCutUploadIsContinuedByItsRetryAndExitsZeroWithTheWholeFile() throws Exception {
        Path src = file(2_500_000);
        UploadCutter cutter = new UploadCutter(800_000, 1);
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(root, cutter)) {
            assertEquals(0, cli.ferry("put", src.toString(), url(server)), cli.err());
            assertEquals(0, cutter.cutsLeft());
        }
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(root.resolve("f.bin")));
        assertFalse(Files.exists(root.resolve("f.bin.ferry-part")));
    }

    @Test
    void aRunWhoseEveryAttemptIsCutFailsAndTheSameCommandAgainCompletesTheFile() throws Exception {
        Path src = file(1_500_000);
        UploadCutter cutter = new UploadCutter(400_000, 3); // the CLI makes three attempts
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(root, cutter)) {
            assertEquals(1, cli.ferry("put", src.toString(), url(server)), cli.err());
            assertFalse(Files.exists(root.resolve("f.bin")), "nothing under the final name after a failure");
            assertTrue(Files.exists(root.resolve("f.bin.ferry-part")));
            assertEquals(0, cli.ferry("put", src.toString(), url(server)), cli.err());
        }
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(root.resolve("f.bin")));
        assertFalse(Files.exists(root.resolve("f.bin.ferry-part")));
    }

    @Test
    void resumeContinuesTheTempFileOfAnEarlierRun() throws Exception {
        Path src = file(1_200_000);
        UploadCutter cutter = new UploadCutter(300_000, 3);
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(root, cutter)) {
            assertEquals(1, cli.ferry("put", src.toString(), url(server)), cli.err());
            long kept = Files.size(root.resolve("f.bin.ferry-part"));
            assertEquals(0, cli.ferry("put", "--resume", src.toString(), url(server)), cli.err());
            assertTrue(server.transfers().restArguments().contains(Long.toString(kept)),
                    kept + " " + server.transfers().restArguments());
        }
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(root.resolve("f.bin")));
    }
}
