package org.ferryftp.cli;

import org.ferryftp.fs.PartialDownload;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.SmallDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ferry get} with a stale partial file, and on a full disk (a real, small tmpfs). */
class PartialDownloadCliTest {

    static final int MIB = 1024 * 1024;
    static final Pattern SENT_REST = Pattern.compile("REST \\d");

    @TempDir
    Path tmp;
    Path root;
    Path local;
    EmbeddedMinaServer server;
    String base;
    final CliRun cli = new CliRun();
    /** The tmpfs this test mounted, to unmount after it. */
    SmallDisk disk;

    @BeforeEach
    void start() throws IOException {
        root = Files.createDirectories(tmp.resolve("server"));
        local = Files.createDirectories(tmp.resolve("local"));
        server = new EmbeddedMinaServer(root);
        base = server.url();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        if (disk != null) {
            disk.close();
        }
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aPartialLeftByAnotherProgramIsStartedOverWithoutResume() throws Exception {
        byte[] data = random(800_000, 1);
        server.write("r.bin", data);
        Path target = local.resolve("r.bin");
        Path partial = local.resolve("r.bin" + PartialDownload.SUFFIX);
        Files.write(partial, Arrays.copyOf(random(800_000, 2), 300_000)); // the start of some other file
        assertEquals(0, cli.ferry("get", "--log", base + "/r.bin", "-o", target.toString()), cli.err());
        assertArrayEquals(data, Files.readAllBytes(target));
        assertFalse(SENT_REST.matcher(cli.err()).find(), cli.err());
        assertTrue(cli.err().contains("the partial " + partial) && cli.err().contains("starting over"), cli.err());
        assertFalse(Files.exists(partial));
    }

    @Test
    void aFullDiskIsNotRetriedAndTheKeptPartialResumes() throws Exception {
        disk = SmallDisk.mount(local.resolve("disk"), "4m");
        byte[] data = random(6 * MIB, 3);
        server.write("big.bin", data);
        Path target = disk.dir().resolve("big.bin");
        Path partial = disk.dir().resolve("big.bin" + PartialDownload.SUFFIX);

        assertEquals(1, cli.ferry("get", "--log", base + "/big.bin", "-o", target.toString()), cli.err());
        String err = cli.err();
        long kept = Files.size(partial);
        assertTrue(kept > 3 * MIB, "bytes kept: " + kept);
        assertEquals(1, err.split("RETR ", -1).length - 1, "tried once: " + err);
        String message = err.lines().filter(l -> l.startsWith("ferry: ")).reduce((a, b) -> b).orElse("");
        assertTrue(message.contains(kept + " bytes") && message.contains(partial.toString())
                && message.contains("free") && message.contains("--resume"), message);
        assertFalse(Files.exists(target));
        assertTrue(Files.exists(PartialDownload.originOf(partial)), "kept with its origin");

        disk.resize("16m");
        assertEquals(0, cli.ferry("get", "--log", base + "/big.bin", "-o", target.toString(), "--resume"), cli.err());
        assertTrue(cli.err().contains("REST " + kept), cli.err());
        assertArrayEquals(data, Files.readAllBytes(target));
        assertFalse(Files.exists(partial));
    }

    @Test
    void aKeptPartialOfAnOlderVersionIsStartedOverEvenWithResume() throws Exception {
        disk = SmallDisk.mount(local.resolve("disk"), "4m");
        Path remote = root.resolve("big.bin");
        server.write("big.bin", random(6 * MIB, 4));
        Files.setLastModifiedTime(remote, FileTime.from(Instant.parse("2024-01-01T10:00:00Z")));
        Path target = disk.dir().resolve("big.bin");
        assertEquals(1, cli.ferry("get", base + "/big.bin", "-o", target.toString()), cli.err());

        byte[] newer = random(5 * MIB, 5);
        server.write("big.bin", newer);
        Files.setLastModifiedTime(remote, FileTime.from(Instant.parse("2024-06-01T10:00:00Z")));
        disk.resize("16m");
        assertEquals(0, cli.ferry("get", "--log", base + "/big.bin", "-o", target.toString(), "--resume"), cli.err());
        assertFalse(SENT_REST.matcher(cli.err()).find(), cli.err());
        assertTrue(cli.err().contains("came from an older version of big.bin (size/time differ); starting over"),
                cli.err());
        assertArrayEquals(newer, Files.readAllBytes(target));
    }
}
