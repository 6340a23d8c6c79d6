package org.ferryftp.interop;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SharedSshClient;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.testsupport.Fault;
import org.ferryftp.testsupport.FaultProxy;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transfer queue on an SFTP site of the real OpenSSH sshd that {@code .ci/sshd.sh} starts (chrooted
 * internal-sftp): a download, an upload cut midway and continued at its offset, and relays between it and the
 * real vsftpd, each byte-identical.
 */
class SftpQueueInteropIT {

    @TempDir
    Path local;

    private SshdServer sshd;
    private Path sshdDir;
    private Path ftpDir;
    private String name;
    private KnownHosts hosts;
    private SharedSshClient ssh;
    private TransferQueue queue;
    private final List<LogEntry> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void servers() throws Exception {
        sshd = SshdServer.fromEnvironment();
        VsftpdServer vsftpd = VsftpdServer.fromEnvironment();
        Files.writeString(local.resolve("known_hosts"), sshd.knownHostsLine() + "\n");
        hosts = new KnownHosts(List.of(local.resolve("known_hosts")), local.resolve("ferry_known_hosts"));
        ssh = new SharedSshClient();
        name = "sftpq-" + UUID.randomUUID();
        sshdDir = sshd.root().resolve(name);
        ftpDir = vsftpd.root().resolve(name);
        try (RemoteSession s = sessions().open(sftp(sshd.host(), sshd.port(), HostKeyPolicy.KNOWN_ONLY));
             RemoteSession f = sessions().open(ftp(vsftpd))) {
            s.makeDirectory(home() + "/" + name);
            f.makeDirectory(name);
        }
    }

    private String home() {
        return sshd.home();
    }

    private StandardSessions sessions() {
        return new StandardSessions(log::add, ssh);
    }

    private SiteRef sftp(String host, int port, HostKeyPolicy policy) {
        return new SiteRef("sshd:" + port, "OpenSSH", new SiteEndpoint.Sftp(SftpSettings.of(host, port,
                sshd.user(), List.of(new SshAuth.Password(sshd.password())), hosts,
                policy)), 4);
    }

    private static SiteRef ftp(VsftpdServer server) {
        return new SiteRef("vsftpd", "vsftpd", SessionSettings.of(server.host(), server.port(),
                Credentials.of(server.user(), server.password())).withTimeouts(Timeouts.ofSeconds(5, 5, 5)), 4);
    }

    @AfterEach
    void clean() throws IOException {
        if (queue != null) {
            queue.close();
        }
        if (ssh != null) {
            ssh.close();
        }
        for (Path dir : new Path[] {sshdDir, ftpDir}) {
            if (dir != null && Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private ItemSnapshot run(Location source, Location targetDir) throws InterruptedException {
        return run(source, targetDir, null);
    }

    private ItemSnapshot run(Location source, Location targetDir, String targetName) throws InterruptedException {
        if (queue == null) {
            queue = TransferQueue.create(QueueSettings.DEFAULT, sessions(), ConflictPolicy.fixed(ConflictChoice.SKIP));
        }
        int before = queue.snapshot().size();
        queue.submit(List.of(new TransferRequest(source, false, targetDir, Priority.NORMAL, targetName)));
        assertTrue(queue.awaitIdle(Duration.ofSeconds(120)), () -> "queue did not finish: " + queue.snapshot());
        List<ItemSnapshot> items = queue.snapshot();
        assertEquals(before + 1, items.size(), items.toString());
        ItemSnapshot item = items.get(items.size() - 1);
        assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
        return item;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void downloadsByteIdentical() throws Exception {
        byte[] data = random(24_000_000, 1);
        Files.write(sshdDir.resolve("down.bin"), data);
        run(Location.remote(sftp(sshd.host(), sshd.port(), HostKeyPolicy.KNOWN_ONLY), home() + "/" + name + "/down.bin"),
                Location.local(local.toString()));
        assertArrayEquals(data, Files.readAllBytes(local.resolve("down.bin")));
    }

    @Test
    void anUploadCutMidwayContinuesAtItsOffset() throws Exception {
        byte[] data = random(16_000_000, 2);
        Files.write(local.resolve("up.bin"), data);
        long cutAt = 6_000_000;
        try (FaultProxy proxy = FaultProxy.controlOnly(new InetSocketAddress(sshd.host(), sshd.port()),
                Fault.cut(Fault.Channel.CONTROL, Fault.Direction.TO_SERVER, cutAt, true))) {
            // Through the proxy the address differs from the known-hosts entry: the key is taken by its fingerprint.
            SiteRef site = sftp(proxy.host(), proxy.port(), HostKeyPolicy.fingerprint(sshd.fingerprint()));
            ItemSnapshot item = run(Location.local(local.resolve("up.bin").toString()),
                    Location.remote(site, home() + "/" + name));
            assertTrue(proxy.fired());
            assertTrue(item.attempts() >= 2, item.toString());
            long carried = proxy.connections().stream().mapToLong(FaultProxy.ConnectionStats::toServer).sum();
            assertTrue(carried < data.length + cutAt / 2, "a restart from zero would carry more: " + carried);
            assertTrue(log.stream().anyMatch(e -> e.text().contains("continuing it")), log.toString());
        }
        assertArrayEquals(data, Files.readAllBytes(sshdDir.resolve("up.bin")));
    }

    @Test
    void relaysToVsftpdAndBackByteIdentical() throws Exception {
        byte[] data = random(12_000_000, 3);
        Files.write(sshdDir.resolve("relay.bin"), data);
        SiteRef openssh = sftp(sshd.host(), sshd.port(), HostKeyPolicy.KNOWN_ONLY);
        SiteRef vsftpd = ftp(VsftpdServer.fromEnvironment());
        run(Location.remote(openssh, home() + "/" + name + "/relay.bin"), Location.remote(vsftpd, "/" + name));
        assertArrayEquals(data, Files.readAllBytes(ftpDir.resolve("relay.bin")));
        run(Location.remote(vsftpd, "/" + name + "/relay.bin"), Location.remote(openssh, home() + "/" + name), "back.bin");
        assertArrayEquals(data, Files.readAllBytes(sshdDir.resolve("back.bin")));
    }
}
