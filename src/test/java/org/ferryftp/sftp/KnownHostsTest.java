package org.ferryftp.sftp;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnownHostsTest {

    @TempDir
    Path dir;

    private static PublicKey ecdsa() throws Exception {
        return KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256).getPublic();
    }

    @Test
    void trustingAChangedKeyReplacesTheOldLineAndKeepsEverythingElse() throws Exception {
        Path own = dir.resolve("known_hosts");
        PublicKey old = ecdsa();
        PublicKey other = ecdsa();
        PublicKey rsa = KeyUtils.generateKeyPair("ssh-rsa", 2048).getPublic();
        KnownHosts hosts = new KnownHosts(List.of(), own);
        Files.writeString(own, "# kept by hand\n");
        hosts.trust("example.org", 2222, old);
        hosts.trust("example.org", 2222, rsa);
        hosts.trust("other.example", 22, other);

        PublicKey changed = ecdsa();
        assertInstanceOf(HostKeyVerdict.Changed.class, hosts.check("example.org", 2222, changed));
        hosts.trust("example.org", 2222, changed);

        List<String> lines = Files.readAllLines(own);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertEquals("# kept by hand", lines.get(0));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("[example.org]:2222 ecdsa")).count(),
                "the old ECDSA line is gone: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[example.org]:2222 ssh-rsa")), "other key types stay");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("other.example ")), "other hosts stay");
        assertInstanceOf(HostKeyVerdict.Known.class, hosts.check("example.org", 2222, changed));
        assertInstanceOf(HostKeyVerdict.Known.class, hosts.check("example.org", 2222, rsa));
        assertInstanceOf(HostKeyVerdict.Changed.class, hosts.check("example.org", 2222, old),
                "the replaced key is a change now");
        assertInstanceOf(HostKeyVerdict.Known.class, hosts.check("other.example", 22, other));
    }
}
