package org.ferryftp.session;

import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSession;
import org.ferryftp.sftp.SshLogin;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link RemoteSession} must do, run against FTP (embedded MINA FtpServer) and SFTP (embedded MINA
 * SSHD) alike: the same calls, the same files on disk, the same failures.
 */
class RemoteSessionContractTest {

    @TempDir
    Path tmp;

    /** A server of the protocol serving {@code root}, and a connected session to it; closes both. */
    record Served(RemoteSession session, Runnable stopServer) implements AutoCloseable {
        @Override
        public void close() {
            session.close();
            stopServer.run();
        }
    }

    Served serve(String protocol, Path root) throws Exception {
        if (protocol.equals("ftp")) {
            EmbeddedMinaServer server = new EmbeddedMinaServer(root);
            FtpSession s = new FtpSession(SessionSettings.of("127.0.0.1", server.port(),
                    Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), LogListener.NONE);
            s.connect();
            return new Served(s, server::close);
        }
        EmbeddedSftpServer server = new EmbeddedSftpServer(root);
        KnownHosts hosts = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
        hosts.trust("127.0.0.1", server.port(), server.hostKey());
        SftpSession s = new SftpSession(SshLogin.withOwnClient(SftpSettings.of("127.0.0.1", server.port(),
                EmbeddedSftpServer.USER, List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)), hosts,
                HostKeyPolicy.KNOWN_ONLY), l -> { }), l -> { });
        s.connect();
        return new Served(s, server::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "sftp"})
    void theSameCallsDoTheSameThingOnDisk(String protocol) throws Exception {
        Path root = Files.createDirectories(tmp.resolve(protocol));
        byte[] data = new byte[1_000_003];
        new Random(11).nextBytes(data);
        try (Served served = serve(protocol, root)) {
            RemoteSession s = served.session();
            assertTrue(s.isConnected());
            assertEquals("/", s.pwd());
            s.makeDirectory("/d");
            assertTrue(Files.isDirectory(root.resolve("d")));

            int cut = 300_001;
            assertEquals(cut, s.upload("/d/f.bin", new ByteArrayInputStream(data, 0, cut), 0, TransferListener.NONE));
            assertEquals(data.length - cut, s.upload("/d/f.bin", new ByteArrayInputStream(data), cut,
                    TransferListener.NONE));
            assertArrayEquals(data, Files.readAllBytes(root.resolve("d/f.bin")));
            assertEquals(data.length, s.size("/d/f.bin"));

            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            assertEquals(data.length - cut, s.download("/d/f.bin", rest, cut, TransferListener.NONE));
            assertArrayEquals(Arrays.copyOfRange(data, cut, data.length), rest.toByteArray());

            Instant t = Instant.parse("2021-02-03T04:05:06Z");
            s.setModificationTime("/d/f.bin", t);
            assertEquals(t, s.modificationTime("/d/f.bin"));

            List<RemoteEntry> entries = s.list("/d").entries();
            assertEquals(List.of("f.bin"), entries.stream().map(RemoteEntry::name).toList());
            assertEquals(data.length, entries.get(0).size());
            assertEquals(EntryKind.FILE, entries.get(0).kind());

            s.rename("/d/f.bin", "/d/g.bin");
            assertTrue(Files.exists(root.resolve("d/g.bin")) && !Files.exists(root.resolve("d/f.bin")));
            SessionException missing = assertThrows(SessionException.class, () -> s.list("/nope"));
            assertFalse(missing.isConnectionBroken(), missing.getMessage());
            assertTrue(s.isConnected(), "a refusal leaves the session usable");
            s.delete("/d/g.bin");
            s.removeDirectory("/d");
            assertFalse(Files.exists(root.resolve("d")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "sftp"})
    void treesAreMadeWithTheirParentsAndRemovedWithTheirContents(String protocol) throws Exception {
        Path root = Files.createDirectories(tmp.resolve(protocol));
        try (Served served = serve(protocol, root)) {
            RemoteSession s = served.session();
            RemoteTree tree = new RemoteTree(s);
            tree.makeDirectories("/a/b/c");
            tree.makeDirectories("/a/b/c");
            assertTrue(Files.isDirectory(root.resolve("a/b/c")));
            assertTrue(s.isDirectory("/a/b"));
            s.upload("/a/b/f.txt", new ByteArrayInputStream("x".getBytes()), 0, TransferListener.NONE);
            assertFalse(s.isDirectory("/a/b/f.txt"), "a file");
            assertFalse(s.isDirectory("/nope"), "missing");
            SessionException onAFile = assertThrows(SessionException.class, () -> tree.makeDirectories("/a/b/f.txt/d"));
            assertFalse(onAFile.isConnectionBroken(), onAFile.getMessage());
            tree.removeRecursively("/a");
            assertFalse(Files.exists(root.resolve("a")));
            assertTrue(s.isConnected());
        }
    }
}
