package org.ferryftp.cli;

import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SshKeys;
import org.ferryftp.site.SiteProtocol;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.store.SiteStoreTest;
import org.ferryftp.site.vault.EnvironmentMasterPassword;
import org.ferryftp.site.vault.VaultCredentialStore;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ferry sites list|export|import} on a temporary config directory with an encrypted vault. */
class SitesCommandTest {

    static final String MASTER = "master of sites";

    @TempDir
    Path config;
    @TempDir
    Path other;
    @TempDir
    Path files;
    final CliRun cli = new CliRun();

    @BeforeEach
    void setUp() {
        cli.env = env(config);
    }

    static Map<String, String> env(Path dir) {
        return CliRun.vaultEnv(dir, MASTER);
    }

    VaultCredentialStore vault(Path dir) {
        return new VaultCredentialStore(dir, EnvironmentMasterPassword.from(env(dir)).orElseThrow());
    }

    /** Two full profiles (every setting) with passwords, and a plain one at the top level. */
    List<SiteProfile> saveSites() throws Exception {
        SiteProfile a = SiteStoreTest.site("a");
        SiteProfile b = SiteStoreTest.site("b").toBuilder().login(LoginType.NORMAL).folder(List.of("Work")).build();
        SiteProfile top = SiteProfile.builder("t", "Top", "top.example.org").build();
        List<SiteProfile> sites = List.of(a, b, top);
        new SiteStore(config, Clock.systemUTC()).save(sites, List.of(List.of("Empty")));
        vault(config).put(SiteSessions.credentialKey(a), "pw-of-a-1234");
        vault(config).put(SiteSessions.credentialKey(b), "pw-of-b-5678");
        return sites;
    }

    @Test
    void listShowsTheTreeWithoutSecrets() throws Exception {
        saveSites();
        assertEquals(0, cli.ferry("sites", "list"), cli.err());
        assertFalse(cli.out().contains("pw-of"), cli.out());
        assertEquals("""
                Empty/
                Work/
                  Work/Legacy/
                    site:Work/Legacy/Mainframe a   ftpes    ibmuser@mvs.example.org:2121
                  site:Work/Mainframe b          ftpes    ibmuser@mvs.example.org:2121
                site:Top                       ftp      top.example.org:21
                """, cli.out().replace("\r", ""));
    }

    @Test
    void exportWithoutPasswordsHoldsNoneAndImportRoundTripsEverySetting() throws Exception {
        List<SiteProfile> sites = saveSites();
        Path export = files.resolve("sites-export.json");
        assertEquals(0, cli.ferry("sites", "export", export.toString()), cli.err());
        assertTrue(cli.out().contains("exported 3 site(s)") && cli.out().contains("without passwords"), cli.out());
        String text = Files.readString(export);
        assertFalse(text.contains("pw-of-a") || text.contains("pw-of-b") || text.contains("\"password\""), text);

        cli.env = env(other);
        assertEquals(0, cli.ferry("sites", "import", "ferry", export.toString()), cli.err());
        assertTrue(cli.out().startsWith("imported 3 site(s) from " + export), cli.out());
        SiteStore.Loaded loaded = new SiteStore(other, Clock.systemUTC()).load();
        assertEquals(sites, loaded.sites());
        assertEquals(List.of(List.of("Empty")), loaded.folders());
        assertTrue(vault(other).get(SiteSessions.credentialKey(sites.get(0))).isEmpty());
    }

    static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> more = new java.util.HashMap<>(env);
        more.put(key, value);
        return Map.copyOf(more);
    }

    @Test
    void exportWithPasswordsEncryptsThemAndImportNeverOverwrites() throws Exception {
        List<SiteProfile> sites = saveSites();
        Path export = files.resolve("with.json");
        cli.env = with(env(config), "FERRY_EXPORT_PASSPHRASE", "export phrase 1");
        assertEquals(0, cli.ferry("sites", "export", "--with-passwords", export.toString()), cli.err());
        assertTrue(cli.out().contains("with 2 password(s), encrypted with the passphrase"), cli.out());
        String text = Files.readString(export);
        assertFalse(text.contains("pw-of-a") || text.contains("pw-of-b"), text);
        assertTrue(text.contains("\"sealed\""), text);

        cli.env = with(env(config), "FERRY_EXPORT_PASSPHRASE", "not the phrase");
        byte[] before = Files.readAllBytes(config.resolve("sites.json"));
        assertEquals(1, cli.ferry("sites", "import", "ferry", export.toString()));
        assertEquals("ferry: the passphrase does not open the passwords in " + export + "; nothing was imported",
                cli.err().strip());
        assertArrayEquals(before, Files.readAllBytes(config.resolve("sites.json")));

        // Into the same config directory: every site comes in beside the existing one, with a new id and name.
        cli.env = with(env(config), "FERRY_EXPORT_PASSPHRASE", "export phrase 1");
        assertEquals(0, cli.ferry("sites", "import", "ferry", export.toString()), cli.err());
        assertTrue(cli.out().contains("2 password(s) stored in"), cli.out());
        assertTrue(cli.out().contains("Work/Mainframe b -> Work/Mainframe b 2"), cli.out());
        List<SiteProfile> now = new SiteStore(config, Clock.systemUTC()).load().sites();
        assertEquals(6, now.size());
        assertEquals(sites, now.subList(0, 3), "the saved sites are untouched");
        SiteProfile copyOfA = now.get(3);
        assertFalse(copyOfA.id().equals("a"));
        assertEquals("Mainframe a 2", copyOfA.name());
        assertEquals(sites.get(0).toBuilder().id(copyOfA.id()).name("Mainframe a 2").build(), copyOfA);
        assertEquals("pw-of-a-1234", vault(config).get(SiteSessions.credentialKey(copyOfA)).orElseThrow());
        assertEquals("pw-of-a-1234", vault(config).get(SiteSessions.credentialKey(sites.get(0))).orElseThrow());
    }

    @Test
    void fileZillaImportReportsWhatCameAndWhatDidNot() throws Exception {
        Path xml = Files.writeString(files.resolve("sitemanager.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <FileZilla3><Servers>
                  <Folder>Clients
                    <Server><Host>127.0.0.1</Host><Port>2121</Port><Protocol>0</Protocol><Logontype>1</Logontype>
                      <User>bob</User><Pass encoding="base64">%s</Pass><Name>Box</Name></Server>
                  </Folder>
                  <Server><Host>sftp.example.net</Host><Protocol>1</Protocol><Name>SSH box</Name></Server>
                  <Server><Host>locked.example.net</Host><Protocol>4</Protocol><User>x</User><Pass encoding="crypt">abc</Pass><Name>Locked</Name></Server>
                </Servers></FileZilla3>
                """.formatted(Base64.getEncoder().encodeToString("fz-secret-99".getBytes(StandardCharsets.UTF_8))));
        assertEquals(0, cli.ferry("sites", "import", "filezilla", xml.toString()), cli.err());
        assertTrue(cli.out().startsWith("imported 3 site(s) from " + xml + "; 1 password(s) stored in Ferry's encrypted vault"),
                cli.out());
        assertFalse(cli.out().contains("not imported:"), cli.out());
        assertTrue(cli.out().contains("Locked: the password is protected by FileZilla's master password"), cli.out());
        SiteProfile box = new SiteStore(config, Clock.systemUTC()).load().sites().stream()
                .filter(s -> s.path().equals("Clients/Box")).findFirst().orElseThrow();
        assertEquals("fz-secret-99", vault(config).get(SiteSessions.credentialKey(box)).orElseThrow());
        assertFalse(Files.readString(config.resolve("sites.json")).contains("fz-secret-99"));
        assertEquals(0, cli.ferry("sites", "list"), cli.err());
        assertTrue(cli.out().contains("site:SSH box                   sftp     sftp.example.net:22"), cli.out());
    }

    @Test
    void anExportWithPasswordsAlsoCarriesProxyPasswordsAndKeyPassphrases() throws Exception {
        List<SiteProfile> sites = saveSites(); // site "a" goes through a SOCKS5 proxy with a login
        SiteProfile sftp = SiteProfile.builder("s", "Keys", "sftp.example.org").protocol(SiteProtocol.SFTP)
                .port(22).login(LoginType.NORMAL).user("me").ssh(new SshKeys("/home/me/.ssh/id_ed25519", false))
                .build();
        List<SiteProfile> all = new java.util.ArrayList<>(sites);
        all.add(sftp);
        new SiteStore(config, Clock.systemUTC()).save(all, List.of());
        vault(config).put(SiteSessions.proxyCredentialKey(sites.get(0)), "proxy-pw-of-a");
        vault(config).put(SiteSessions.keyPassphraseKey(sftp), "key-phrase-of-s");
        Path export = files.resolve("secrets.json");
        cli.env = with(env(config), "FERRY_EXPORT_PASSPHRASE", "export phrase 2");
        assertEquals(0, cli.ferry("sites", "export", "--with-passwords", export.toString()), cli.err());
        assertTrue(cli.out().contains("with 4 password(s)"), cli.out());
        assertFalse(Files.readString(export).contains("proxy-pw-of-a"));

        cli.env = with(env(other), "FERRY_EXPORT_PASSPHRASE", "export phrase 2");
        assertEquals(0, cli.ferry("sites", "import", "ferry", export.toString()), cli.err());
        assertTrue(cli.out().contains("4 password(s) stored in"), cli.out());
        List<SiteProfile> imported = new SiteStore(other, Clock.systemUTC()).load().sites();
        SiteProfile a = imported.stream().filter(p -> p.id().equals("a")).findFirst().orElseThrow();
        SiteProfile s = imported.stream().filter(p -> p.id().equals("s")).findFirst().orElseThrow();
        assertEquals("pw-of-a-1234", vault(other).get(SiteSessions.credentialKey(a)).orElseThrow());
        assertEquals("proxy-pw-of-a", vault(other).get(SiteSessions.proxyCredentialKey(a)).orElseThrow());
        assertEquals("key-phrase-of-s", vault(other).get(SiteSessions.keyPassphraseKey(s)).orElseThrow());
    }

    @Test
    void badFilesAreOneLineAndChangeNothing() throws Exception {
        saveSites();
        byte[] before = Files.readAllBytes(config.resolve("sites.json"));
        Path junk = Files.writeString(files.resolve("junk.json"), "{ not json");
        assertEquals(1, cli.ferry("sites", "import", "ferry", junk.toString()));
        assertTrue(cli.err().startsWith("ferry: " + junk + " is not a readable Ferry site file"), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertEquals(1, cli.ferry("sites", "import", "filezilla", junk.toString()));
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertEquals(1, cli.ferry("sites", "import", "ferry", files.resolve("missing.json").toString()));
        assertTrue(cli.err().contains("no such local file"), cli.err());
        assertEquals(2, cli.ferry("sites", "import", "winscp", junk.toString()));
        assertEquals(2, cli.ferry("sites", "frobnicate"));
        assertArrayEquals(before, Files.readAllBytes(config.resolve("sites.json")));

        Path export = files.resolve("with.json");
        cli.env = with(env(config), "FERRY_EXPORT_PASSPHRASE", "phrase");
        assertEquals(0, cli.ferry("sites", "export", "--with-passwords", export.toString()), cli.err());
        cli.env = with(CliRun.vaultEnv(config, "wrong"), "FERRY_EXPORT_PASSPHRASE", "phrase");
        assertEquals(1, cli.ferry("sites", "import", "ferry", export.toString()));
        assertTrue(cli.err().contains("master password"), cli.err());
        assertArrayEquals(before, Files.readAllBytes(config.resolve("sites.json")), "nothing saved when the vault refuses");
    }

    @Test
    void aDamagedSiteFileOrVaultLineIsReportedOnStderrAndKeptAside() throws Exception {
        List<SiteProfile> sites = saveSites();
        Path vault = config.resolve("vault.properties");
        Files.writeString(vault, "entry.site/x=not-base64!\n", java.nio.file.StandardOpenOption.APPEND);
        Path export = files.resolve("with.json");
        cli.env = with(env(config), "FERRY_EXPORT_PASSPHRASE", "phrase");
        assertEquals(0, cli.ferry("sites", "export", "--with-passwords", export.toString()), cli.err());
        assertTrue(cli.err().startsWith("ferry: the credential vault in " + vault + " has 1 damaged line"), cli.err());
        assertTrue(cli.err().contains(vault + ".damaged-"), cli.err());
        assertTrue(cli.out().contains("with 2 password(s)"), cli.out());

        Path sitesJson = config.resolve("sites.json");
        Files.writeString(sitesJson, "{ damaged");
        assertEquals(1, cli.ferry("sites", "list"));
        assertTrue(cli.err().startsWith("ferry: the saved sites in " + sitesJson + " could not be read"), cli.err());
        assertTrue(cli.err().contains(sitesJson + ".damaged-"), cli.err());
        cli.env = with(env(config), "FERRY_EXPORT_PASSPHRASE", "phrase");
        assertEquals(0, cli.ferry("sites", "import", "ferry", export.toString()), cli.err());
        assertEquals(sites.size(), new SiteStore(config, Clock.systemUTC()).load().sites().size());
    }
}
