package org.ferryftp.sftp;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.cipher.CipherInformation;
import org.apache.sshd.common.kex.KexProposalOption;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SharedSshClientCiphersTest {

    @TempDir
    Path tmp;

    private static List<String> names(List<String> jvmArguments, boolean nativeAesGcm) {
        return SharedSshClient.ciphers(jvmArguments, nativeAesGcm).stream().map(NamedResource::getName).toList();
    }

    @Test
    void theOptimisingCompilerGetsAesGcmFirst() {
        assertEquals("aes128-gcm@openssh.com", names(List.of("-Xmx1g"), false).get(0));
    }

    @Test
    void theQuickCompilerAloneKeepsChaCha20First() {
        assertEquals("chacha20-poly1305@openssh.com",
                names(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), false).get(0));
    }

    @Test
    void nativeAesGcmLeadsWhateverTheCompiler() {
        assertEquals("aes128-gcm@openssh.com", names(List.of("-XX:TieredStopAtLevel=1"), true).get(0));
        assertEquals("aes128-gcm@openssh.com", names(List.of(), true).get(0));
    }

    @Test
    void everyOrderOffersTheSameCiphers() {
        List<String> all = names(List.of(), false).stream().sorted().toList();
        assertEquals(all, names(List.of("-XX:TieredStopAtLevel=1"), false).stream().sorted().toList());
        assertEquals(all, names(List.of("-XX:TieredStopAtLevel=1"), true).stream().sorted().toList());
    }

    /**
     * On Linux x86_64 (where the provider's library is bundled) the SSH transport really decrypts with OpenSSL's
     * AES-GCM, both ways: MINA would otherwise take SunJCE's whatever provider is installed.
     */
    @Test
    void aConnectionEncryptsWithTheNativeAesGcmWhereBundled() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the library is bundled for Linux x86_64 only");
        assertTrue(NativeAesGcm.bundledForThisPlatform());
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(Files.createDirectories(tmp.resolve("root")))) {
            KnownHosts hosts = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
            hosts.trust("127.0.0.1", server.port(), server.hostKey());
            SshLogin login = SshLogin.withOwnClient(SftpSettings.of("127.0.0.1", server.port(), EmbeddedSftpServer.USER,
                    List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)), hosts, HostKeyPolicy.KNOWN_ONLY),
                    line -> { });
            try (SshConnection c = login.open()) {
                assertEquals("aes128-gcm@openssh.com", c.session().getNegotiatedKexParameter(KexProposalOption.S2CENC));
                assertEquals("aes128-gcm@openssh.com", c.session().getNegotiatedKexParameter(KexProposalOption.C2SENC));
                for (boolean incoming : new boolean[] {true, false}) {
                    CipherInformation cipher = c.session().getCipherInformation(incoming);
                    assertEquals("AmazonCorrettoCryptoProvider",
                            assertInstanceOf(NativeAesGcm.Gcm.class, cipher).jcaProvider().getName());
                }
            }
        }
    }
}
