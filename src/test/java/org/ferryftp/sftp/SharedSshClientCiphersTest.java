package org.ferryftp.sftp;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.cipher.CipherInformation;
import org.apache.sshd.common.kex.KexProposalOption;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * The server's ECDSA host-key signature is checked by the native provider where it is bundled (the JDK's P-256
     * check is slow in a cold JVM); MINA's order of signatures is kept, and a forged signature still fails.
     */
    @Test
    void ecdsaHostKeySignaturesAreCheckedNativelyWhereBundled() throws Exception {
        assumeTrue(NativeAesGcm.bundledForThisPlatform(), "the library is bundled for Linux x86_64 only");
        List<NamedFactory<Signature>> defaults = SshClient.setUpDefaultClient().getSignatureFactories();
        List<NamedFactory<Signature>> ours = SharedSshClient.signatures(defaults);
        assertEquals(defaults.stream().map(NamedResource::getName).toList(),
                ours.stream().map(NamedResource::getName).toList());

        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair hostKey = g.generateKeyPair();
        byte[] exchangeHash = "the exchange hash".getBytes(StandardCharsets.UTF_8);
        Signature signer = BuiltinSignatures.nistp256.create();
        signer.initSigner(null, hostKey.getPrivate());
        signer.update(null, exchangeHash);
        byte[] signed = signer.sign(null);

        Signature check = ours.stream().filter(f -> f.getName().equals("ecdsa-sha2-nistp256")).findFirst()
                .orElseThrow().create();
        check.initVerifier(null, hostKey.getPublic());
        assertEquals("AmazonCorrettoCryptoProvider",
                assertInstanceOf(NativeAesGcm.Ecdsa.class, check).jcaProvider().getName());
        check.update(null, exchangeHash);
        assertTrue(check.verify(null, signed));

        check.initVerifier(null, hostKey.getPublic());
        check.update(null, "another hash".getBytes(StandardCharsets.UTF_8));
        assertFalse(check.verify(null, signed));
    }
}
