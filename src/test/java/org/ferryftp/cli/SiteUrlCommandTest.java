package org.ferryftp.cli;

import org.ferryftp.ftp.MinaTlsTest;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.TlsMode;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.trust.TrustedCertificates;
import org.ferryftp.site.vault.EncryptedVault;
import org.ferryftp.site.vault.EnvironmentMasterPassword;
import org.ferryftp.site.vault.VaultCredentialStore;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code site:NAME/path} URLs against embedded MINA FtpServer: the saved site's settings, its password from an
 * encrypted vault (FERRY_MASTER_PASSWORD; FERRY_CREDENTIALS=vault so no keyring is touched), its trusted certificate.
 */
class SiteUrlCommandTest {

    static final String MASTER = "correct horse battery";

    @TempDir
    Path root;
    @TempDir
    Path config;
    @TempDir
    Path local;
    @TempDir
    Path mirrorRoot;
    EmbeddedMinaServer server;
    final CliRun cli = new CliRun();

    @BeforeEach
    void setUp() {
        cli.env = CliRun.vaultEnv(config, MASTER);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A saved site for the server, its password in the vault. */
    SiteProfile save(SiteProfile... sites) throws Exception {
        new SiteStore(config, Clock.systemUTC()).save(List.of(sites));
        VaultCredentialStore vault = new VaultCredentialStore(config, EnvironmentMasterPassword.from(cli.env).orElseThrow());
        for (SiteProfile p : sites) {
            vault.put(SiteSessions.credentialKey(p), EmbeddedMinaServer.PASSWORD);
        }
        return sites[0];
    }

    static SiteProfile deployBox(int port) {
        return SiteProfile.builder("deploy", "Deploy box", "127.0.0.1").folder(List.of("Production")).port(port)
                .user(EmbeddedMinaServer.USER).login(LoginType.NORMAL).build();
    }

    @Test
    void lsGetAndPutConnectWithTheSavedSiteAndItsPassword() throws Exception {
        server = new EmbeddedMinaServer(root);
        save(deployBox(server.port()), SiteProfile.builder("www", "Web", "127.0.0.1").port(server.port())
                .user(EmbeddedMinaServer.USER).remoteDir("/www").build());
        server.write("docs/report.txt", "quarterly".getBytes());
        server.write("www/index.html", "<h1>hi</h1>".getBytes());

        assertEquals(0, cli.ferry("ls", "site:Production/Deploy box/docs"), cli.err());
        assertTrue(cli.out().contains("report.txt"), cli.out());

        Path copy = local.resolve("r.txt");
        assertEquals(0, cli.ferry("get", "site:Production/Deploy box/docs/report.txt", "-o", copy.toString()), cli.err());
        assertEquals("quarterly", Files.readString(copy));

        Path upload = Files.writeString(local.resolve("up.txt"), "uploaded");
        assertEquals(0, cli.ferry("put", upload.toString(), "site:production/deploy box/docs/"), cli.err());
        assertEquals("uploaded", Files.readString(root.resolve("docs/up.txt")), "names match ignoring case");

        // Relative paths start in the site's remote directory; "//" after the name is absolute.
        assertEquals(0, cli.ferry("get", "site:Web/index.html", "-o", local.resolve("i.html").toString()), cli.err());
        assertEquals("<h1>hi</h1>", Files.readString(local.resolve("i.html")));
        assertEquals(0, cli.ferry("ls", "--names", "site:Web//docs"), cli.err());
        assertTrue(cli.out().contains("report.txt") && cli.out().contains("up.txt"), cli.out());

        assertEquals(0, cli.ferry("mkdir", "site:Production/Deploy box/a/b"), cli.err());
        assertTrue(Files.isDirectory(root.resolve("a/b")));
        assertEquals(0, cli.ferry("rm", "-r", "site:Production/Deploy box/a"), cli.err());
        assertFalse(Files.exists(root.resolve("a")));
        String vault = Files.readString(config.resolve(EncryptedVault.FILE_NAME));
        assertFalse(vault.contains(EmbeddedMinaServer.PASSWORD));
    }

    @Test
    void unknownSiteNamesCloseMatches() throws Exception {
        save(deployBox(21), SiteProfile.builder("other", "Mirror", "127.0.0.1").build());
        assertEquals(2, cli.ferry("ls", "site:Production/Deploy bx/docs"));
        assertEquals("ferry: no saved site matches \"Production/Deploy bx/docs\"; did you mean "
                + "\"Production/Deploy box\"?", cli.err().strip());
    }

    @Test
    void aWrongMasterPasswordFailsInOneLineAndChangesNothing() throws Exception {
        save(deployBox(21));
        byte[] before = Files.readAllBytes(config.resolve(EncryptedVault.FILE_NAME));
        cli.env = CliRun.vaultEnv(config, "wrong");
        assertEquals(1, cli.ferry("ls", "site:Production/Deploy box/"));
        assertTrue(cli.err().startsWith("ferry: FERRY_MASTER_PASSWORD: "), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertArrayEquals(before, Files.readAllBytes(config.resolve(EncryptedVault.FILE_NAME)));
    }

    /** An FTPS server (certificate other.p12) holding secret.txt, saved as the site "Secure". */
    private SiteProfile secureSite() throws Exception {
        server = EmbeddedMinaServer.withTls(root, "other.p12", false);
        server.write("secret.txt", "tls".getBytes());
        SiteProfile p = save(SiteProfile.builder("sec", "Secure", "127.0.0.1").port(server.port())
                .tls(TlsMode.EXPLICIT).user(EmbeddedMinaServer.USER).build());
        return p;
    }

    @Test
    void aTlsSiteUsesTheCertificateTrustedForItAndNeverAsks() throws Exception {
        SiteProfile p = secureSite();
        String fingerprint = MinaTlsTest.fingerprintOf("other.p12");

        assertEquals(1, cli.ferry("ls", "site:Secure"));
        assertTrue(cli.err().contains("--trust-fingerprint"), cli.err());

        assertEquals(0, cli.ferry("ls", "--trust-fingerprint", fingerprint, "site:Secure"), cli.err());
        assertTrue(cli.out().contains("secret.txt"), cli.out());

        new TrustedCertificates(config.resolve("trusted-certificates.properties"))
                .trustAlways(SiteSessions.refId(p), fingerprint);
        assertEquals(0, cli.ferry("ls", "--log", "site:Secure"), cli.err());
        assertTrue(cli.out().contains("secret.txt"), cli.out());
        assertTrue(cli.err().contains("AUTH TLS"), cli.err());
    }

    @Test
    void aDamagedLineInTheTrustedCertificatesIsReportedOnStderrAndCostsOnlyItself() throws Exception {
        SiteProfile p = secureSite();
        Path file = config.resolve("trusted-certificates.properties");
        Files.writeString(file, "other-site=" + "AB:".repeat(31) + "AB\nbad=\\u12\n" + SiteSessions.refId(p).replace(":", "\\:") + "="
                + MinaTlsTest.fingerprintOf("other.p12") + "\n");

        assertEquals(0, cli.ferry("ls", "site:Secure"), cli.err());
        assertTrue(cli.out().contains("secret.txt"), cli.out());
        assertTrue(cli.err().startsWith("ferry: the trusted certificates in " + file + " has 1 damaged line (line 2"),
                cli.err());
        assertTrue(cli.err().contains(file + ".damaged-"), cli.err());

        new TrustedCertificates(file).trustAlways("third-site", "CD:".repeat(31) + "CD");
        String after = Files.readString(file);
        assertTrue(after.contains("other-site=") && after.contains(SiteSessions.refId(p).replace(":", "\\:") + "=")
                && after.contains("third-site=") && !after.contains("bad="), after);
    }

    @Test
    void fxpMvAndChmodTakeSiteUrlsToo() throws Exception {
        server = new EmbeddedMinaServer(root);
        byte[] data = "site to site, by saved names".getBytes(StandardCharsets.UTF_8);
        server.write("docs/report.txt", data);
        try (EmbeddedMinaServer mirror = new EmbeddedMinaServer(mirrorRoot);
             ScriptedFtpServer scripted = new ScriptedFtpServer()) {
            save(deployBox(server.port()), SiteProfile.builder("mirror", "Mirror", "127.0.0.1").port(mirror.port())
                    .user(EmbeddedMinaServer.USER).build());
            assertEquals(0, cli.ferry("fxp", "site:Production/Deploy box/docs/report.txt", "site:Mirror/"), cli.err());
            assertArrayEquals(data, Files.readAllBytes(mirrorRoot.resolve("report.txt")));

            assertEquals(0, cli.ferry("mv", "site:Mirror/report.txt", "/kept.txt"), cli.err());
            assertArrayEquals(data, Files.readAllBytes(mirrorRoot.resolve("kept.txt")));
            assertFalse(Files.exists(mirrorRoot.resolve("report.txt")));

            // SITE CHMOD: MINA refuses it, the scripted server records it.
            SiteProfile box = SiteProfile.builder("box", "Box", "127.0.0.1").port(scripted.port()).user("ferry").build();
            new SiteStore(config, Clock.systemUTC()).save(List.of(deployBox(server.port()), box));
            new VaultCredentialStore(config, EnvironmentMasterPassword.from(cli.env).orElseThrow())
                    .put(SiteSessions.credentialKey(box), "secret");
            scripted.putFile("/run.sh", "#!/bin/sh".getBytes(StandardCharsets.UTF_8));
            assertEquals(0, cli.ferry("chmod", "755", "site:Box/run.sh"), cli.err());
            assertTrue(scripted.commands().contains("SITE CHMOD 755 run.sh")
                    || scripted.commands().contains("SITE CHMOD 755 /run.sh"), scripted.commands().toString());
        }
    }

    @Test
    void anAskForPasswordSiteTakesFerryPasswordAndOtherwiseSaysHow() throws Exception {
        server = new EmbeddedMinaServer(root);
        server.write("asked.txt", "asked".getBytes(StandardCharsets.UTF_8));
        new SiteStore(config, Clock.systemUTC()).save(List.of(SiteProfile.builder("ask", "Careful", "127.0.0.1")
                .port(server.port()).user(EmbeddedMinaServer.USER).login(LoginType.ASK).build()));

        // No terminal here (System.console() is null under the test runner) and no FERRY_PASSWORD.
        assertEquals(1, cli.ferry("ls", "site:Careful"));
        assertEquals("ferry: the saved site Careful asks for its password each time; set FERRY_PASSWORD or run on a "
                + "terminal", cli.err().strip());

        Map<String, String> env = new HashMap<>(cli.env);
        env.put("FERRY_PASSWORD", EmbeddedMinaServer.PASSWORD);
        cli.env = env;
        assertEquals(0, cli.ferry("ls", "site:Careful"), cli.err());
        assertTrue(cli.out().contains("asked.txt"), cli.out());
        assertFalse(Files.exists(config.resolve(EncryptedVault.FILE_NAME)), "nothing was stored for this site");
    }
}
