package org.ferryftp.interop;

import org.ferryftp.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ferry mirror} against the real vsftpd: uploads keep their modification times (vsftpd has no MFMT; it
 * takes {@code MDTM time path}), so a second mirror finds nothing to do, and a change is all it sends.
 */
class MirrorInteropIT {

    @TempDir
    Path local;
    VsftpdServer server;
    String url;
    String dir;
    final CliRun cli = new CliRun();

    @BeforeEach
    void server() {
        server = VsftpdServer.fromEnvironment();
        url = "ftp://" + server.user() + ":" + server.password() + "@" + server.host() + ":" + server.port();
        dir = "mirror-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    @AfterEach
    void clean() throws IOException {
        Path there = server.root().resolve(dir);
        if (Files.exists(there)) {
            try (Stream<Path> walk = Files.walk(there)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void write(Path file, int size, long seed, String time) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        Files.write(file, data);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(time)));
    }

    List<String> plan() {
        assertEquals(0, cli.ferry("mirror", "--dry-run", local.toString(), url + "/" + dir), cli.err());
        return cli.out().lines().toList();
    }

    @Test
    void aSecondMirrorFindsNothingToDoBecauseUploadsKeptTheirTimes() throws Exception {
        write(local.resolve("a.bin"), 10_000, 1, "2024-03-04T05:06:07Z");
        write(local.resolve("sub/b.bin"), 20_000, 2, "2023-01-02T03:04:05Z");
        write(local.resolve("sub/deeper/c.bin"), 30_000, 3, "2025-06-07T08:09:10Z");
        assertEquals(0, cli.ferry("mirror", local.toString(), url + "/" + dir), cli.err());
        Path there = server.root().resolve(dir);
        for (String f : List.of("a.bin", "sub/b.bin", "sub/deeper/c.bin")) {
            assertEquals(Files.getLastModifiedTime(local.resolve(f)).toInstant(),
                    Files.getLastModifiedTime(there.resolve(f)).toInstant(), f + " kept its time");
            assertEquals(-1, Files.mismatch(local.resolve(f), there.resolve(f)), f);
        }
        List<String> again = plan();
        assertTrue(again.stream().allMatch(l -> l.startsWith("skip")), again.toString());

        write(local.resolve("sub/b.bin"), 20_001, 4, "2026-01-01T00:00:00Z");
        Files.delete(local.resolve("a.bin"));
        assertEquals(List.of("update  sub/b.bin  (size differs: 20000 → 20001 bytes)"),
                plan().stream().filter(l -> !l.startsWith("skip")).toList());
        assertEquals(0, cli.ferry("mirror", "--delete", local.toString(), url + "/" + dir), cli.err());
        assertFalse(Files.exists(there.resolve("a.bin")));
        assertEquals(-1, Files.mismatch(local.resolve("sub/b.bin"), there.resolve("sub/b.bin")));
        assertTrue(plan().stream().allMatch(l -> l.startsWith("skip")));
    }
}
