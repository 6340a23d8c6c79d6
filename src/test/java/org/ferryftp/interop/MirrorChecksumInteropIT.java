package org.ferryftp.interop;

import org.apache.commons.io.file.PathUtils;
import org.ferryftp.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ferry mirror --checksum} against the real servers: ProFTPD offers HASH (Ferry asks for SHA-512), so a file whose time changed but
 * whose bytes did not is left alone and a same-size edit is found; Pure-FTPd and vsftpd offer no checksum, and the
 * mirror says so once and compares by size and time.
 */
class MirrorChecksumInteropIT {

    @TempDir
    Path local;
    Path serverDir;
    final CliRun cli = new CliRun();

    @AfterEach
    void cleanUp() throws Exception {
        if (serverDir != null && Files.exists(serverDir)) {
            PathUtils.deleteDirectory(serverDir);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MatrixServer.class, names = "VSFTPD|PROFTPD|PUREFTPD", mode = EnumSource.Mode.MATCH_ANY)
    void sameSizeFilesByChecksumWhereTheServerHasOne(MatrixServer on) throws Exception {
        MatrixServer.Endpoint e = on.endpoint();
        String dir = "wt-sync21-sums-" + UUID.randomUUID();
        serverDir = e.root().resolve(dir);
        String url = "ftp://" + e.user() + ":" + e.password() + "@" + e.host() + ":" + e.port() + "/" + dir;
        Path src = Files.createDirectories(local.resolve("src"));
        Files.writeString(src.resolve("touched.txt"), "same bytes");
        Files.writeString(src.resolve("edited.txt"), "old text");
        for (Path f : List.of(src.resolve("touched.txt"), src.resolve("edited.txt"))) {
            Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        }
        assertEquals(0, cli.ferry("mirror", src.toString(), url), cli.err());
        Files.writeString(src.resolve("edited.txt"), "new text");
        Files.setLastModifiedTime(src.resolve("edited.txt"), FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        Files.setLastModifiedTime(src.resolve("touched.txt"), FileTime.from(Instant.parse("2024-06-01T00:00:00Z")));

        assertEquals(0, cli.ferry("mirror", "--dry-run", "--checksum", src.toString(), url), cli.err());
        List<String> plan = cli.out().lines().toList();
        if (on == MatrixServer.PROFTPD) {
            assertEquals(List.of("update  edited.txt  (SHA-512 differs)", "skip    touched.txt  (same SHA-512)"), plan,
                    cli.err());
        } else {
            assertEquals(List.of("skip    edited.txt  (unchanged)", "update  touched.txt  (the source is newer)"),
                    plan);
            assertTrue(cli.err().contains("no checksum that both sides offer"), cli.err());
        }
    }
}
