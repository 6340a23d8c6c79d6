package org.ferryftp.sftp;

import org.ferryftp.fs.LocalChecksums;
import org.ferryftp.session.RemoteChecksum;
import org.ferryftp.session.RemoteChecksums;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remote checksums over SFTP where the server offers the check-file extension (MINA's server does). */
class SftpChecksumTest {

    @TempDir
    Path tmp;

    @Test
    void theServersHashOfAFileMatchesTheLocalOne() throws Exception {
        byte[] data = new byte[300_001];
        new Random(3).nextBytes(data);
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.write(root.resolve("f.bin"), data);
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(root)) {
            try (SftpSession s = server.passwordSession(tmp)) {
                s.connect();
                RemoteChecksum sum = s.feature(RemoteChecksums.class).orElseThrow().checksum("/f.bin").orElseThrow();
                assertEquals(LocalChecksums.compute(root.resolve("f.bin"), sum.algorithm()), sum.hex());
                assertTrue(sum.algorithm().startsWith("SHA"), sum.algorithm());
                Files.write(root.resolve("empty"), new byte[0]);
                assertTrue(s.feature(RemoteChecksums.class).orElseThrow().checksum("/empty").isEmpty(),
                        "no checksum of an empty file, and no failure");
            }
        }
    }
}
