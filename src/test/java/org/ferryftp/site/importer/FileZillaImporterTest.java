package org.ferryftp.site.importer;

import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionMode;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteProtocol;
import org.ferryftp.site.TlsMode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileZillaImporterTest {

    static final String XML = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
            <FileZilla3 version="3.66.0" platform="windows">
              <Servers>
                <Folder expanded="1">Work
                  <Folder>Clients
                    <Server>
                      <Host>ftp.example.org</Host><Port>2121</Port><Protocol>4</Protocol><Type>0</Type>
                      <User>bob</User><Pass encoding="base64">czNjcjN0IHB3</Pass><Logontype>1</Logontype>
                      <PasvMode>MODE_ACTIVE</PasvMode><MaximumMultipleConnections>4</MaximumMultipleConnections>
                      <EncodingType>Custom</EncodingType><CustomEncoding>ISO-8859-1</CustomEncoding>
                      <Comments>main site</Comments><LocalDir>/home/bob/site</LocalDir>
                      <RemoteDir>1 0 4 home 8 www data</RemoteDir>
                      <Bookmark><Name>logs</Name><LocalDir>/tmp</LocalDir><RemoteDir>1 0 3 var 3 log</RemoteDir></Bookmark>
                      <Name>Client A</Name>
                    </Server>
                  </Folder>
                </Folder>
                <Server><Host>anon.example.net</Host><Port>21</Port><Protocol>0</Protocol><Logontype>0</Logontype>Anon mirror</Server>
                <Server><Host>sftp.example.net</Host><Port>22</Port><Protocol>1</Protocol><Name>SSH box</Name></Server>
                <Server><Host>locked.example.net</Host><Protocol>3</Protocol><User>x</User><Pass encoding="crypt">abc</Pass><Name>Locked</Name></Server>
              </Servers>
            </FileZilla3>
            """;

    FileZillaImporter.Result read(String xml) throws IOException {
        return new FileZillaImporter().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void importsServersFoldersAndSettings() throws Exception {
        FileZillaImporter.Result r = read(XML);
        assertEquals(4, r.sites().size());
        FileZillaImporter.ImportedSite a = r.sites().get(0);
        SiteProfile p = a.profile();
        assertEquals("Client A", p.name());
        assertEquals(List.of("Work", "Clients"), p.folder());
        assertEquals("ftp.example.org", p.host());
        assertEquals(2121, p.port());
        assertEquals(TlsMode.EXPLICIT, p.tls());
        assertEquals(LoginType.NORMAL, p.login());
        assertEquals("bob", p.user());
        assertEquals("s3cr3t pw", a.password());
        assertEquals(DataConnectionMode.ACTIVE, p.data().mode());
        assertEquals(4, p.maxConnections());
        assertEquals(new CharsetPolicy.Named(java.nio.charset.Charset.forName("ISO-8859-1")), p.charset());
        assertEquals("/home/www data", p.remoteDir());
        assertEquals("/home/bob/site", p.localDir());
        assertEquals("/var/log", p.bookmarks().get(0).remoteDir());
        assertEquals("main site", p.notes());

        SiteProfile anon = r.sites().get(1).profile();
        assertEquals("Anon mirror", anon.name());
        assertEquals(LoginType.ANONYMOUS, anon.login());
        assertEquals(TlsMode.IF_OFFERED, anon.tls());

        SiteProfile ssh = r.sites().get(2).profile();
        assertEquals("SSH box", ssh.name());
        assertEquals(SiteProtocol.SFTP, ssh.protocol());
        assertEquals(22, ssh.port());

        FileZillaImporter.ImportedSite locked = r.sites().get(3);
        assertEquals(TlsMode.IMPLICIT, locked.profile().tls());
        assertEquals(990, locked.profile().port());
        assertNull(locked.password());
        assertTrue(locked.warnings().get(0).contains("master password"), locked.warnings().toString());

        assertTrue(r.skipped().isEmpty(), r.skipped().toString());
    }

    static final String SFTP_SITES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
            <FileZilla3 version="3.66.0" platform="*nix">
              <Servers>
                <Server><Host>keys.example.org</Host><Port>2222</Port><Protocol>1</Protocol><Type>0</Type>
                  <User>deploy</User><Logontype>5</Logontype><Keyfile>/home/me/.ssh/deploy_ed25519</Keyfile>
                  <Name>By key</Name></Server>
                <Server><Host>pw.example.org</Host><Protocol>1</Protocol><User>ann</User>
                  <Pass encoding="base64">cHc=</Pass><Logontype>1</Logontype><Name>By password</Name></Server>
                <Server><Host>ask.example.org</Host><Protocol>1</Protocol><User>ann</User><Logontype>3</Logontype>
                  <Name>Interactive</Name></Server>
                <Server><Host>acct.example.org</Host><Protocol>1</Protocol><User>ann</User><Logontype>4</Logontype>
                  <Pass encoding="base64">cHc=</Pass><Account>dept</Account><Name>With account</Name></Server>
                <Server><Host>putty.example.org</Host><Protocol>1</Protocol><User>ann</User><Logontype>5</Logontype>
                  <Keyfile>C:\\keys\\ann.ppk</Keyfile><Name>PuTTY key</Name></Server>
              </Servers>
            </FileZilla3>
            """;

    static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
            <FileZilla3 version="3.66.0" platform="*nix">
              <Settings>
                <Setting name="Use Pasv mode">1</Setting>
                <Setting name="SFTP keyfiles">/home/me/.ssh/id_ed25519
            /home/me/.ssh/old_rsa</Setting>
              </Settings>
            </FileZilla3>
            """;

    @Test
    void importsSftpSitesWithTheirLogonTypesAndKeyFiles() throws Exception {
        FileZillaImporter.Result r = read(SFTP_SITES);
        assertTrue(r.skipped().isEmpty(), r.skipped().toString());
        assertEquals(5, r.sites().size());
        FileZillaImporter.ImportedSite byKey = r.sites().get(0);
        assertEquals(SiteProtocol.SFTP, byKey.profile().protocol());
        assertEquals(2222, byKey.profile().port());
        assertEquals("deploy", byKey.profile().user());
        assertEquals(LoginType.NORMAL, byKey.profile().login());
        assertEquals("/home/me/.ssh/deploy_ed25519", byKey.profile().ssh().keyFile());
        assertNull(byKey.password());

        FileZillaImporter.ImportedSite byPassword = r.sites().get(1);
        assertEquals(22, byPassword.profile().port());
        assertEquals("pw", byPassword.password());
        assertNull(byPassword.profile().ssh().keyFile());
        assertEquals(LoginType.ASK, r.sites().get(2).profile().login());

        FileZillaImporter.ImportedSite account = r.sites().get(3);
        assertEquals(LoginType.NORMAL, account.profile().login(), "SFTP has no FTP account");
        assertTrue(account.warnings().toString().contains("account"), account.warnings().toString());

        FileZillaImporter.ImportedSite putty = r.sites().get(4);
        assertEquals("C:\\keys\\ann.ppk", putty.profile().ssh().keyFile());
        assertTrue(putty.warnings().toString().contains("puttygen"), putty.warnings().toString());
    }

    @Test
    void keyFilesFromFileZillasSettingsGoToSftpSitesWithoutOneOfTheirOwn() throws Exception {
        List<String> keys = FileZillaImporter.settingsKeyFiles(
                new ByteArrayInputStream(SETTINGS.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("/home/me/.ssh/id_ed25519", "/home/me/.ssh/old_rsa"), keys);
        FileZillaImporter.Result r = new FileZillaImporter().read(
                new ByteArrayInputStream(SFTP_SITES.getBytes(StandardCharsets.UTF_8)), keys);
        assertEquals("/home/me/.ssh/deploy_ed25519", r.sites().get(0).profile().ssh().keyFile(), "its own key wins");
        FileZillaImporter.ImportedSite byPassword = r.sites().get(1);
        assertEquals("/home/me/.ssh/id_ed25519", byPassword.profile().ssh().keyFile());
        assertTrue(byPassword.warnings().toString().contains("/home/me/.ssh/old_rsa"), byPassword.warnings().toString());
        assertEquals("pw", byPassword.password());
        SiteProfile ftp = read(XML).sites().get(0).profile();
        assertNull(ftp.ssh().keyFile(), "FTP sites take no key");
    }

    @Test
    void aSettingsFileWithoutKeysOrNotFromFileZillaGivesNone() throws Exception {
        String none = "<FileZilla3><Settings><Setting name=\"SFTP keyfiles\"></Setting></Settings></FileZilla3>";
        assertEquals(List.of(), FileZillaImporter.settingsKeyFiles(
                new ByteArrayInputStream(none.getBytes(StandardCharsets.UTF_8))));
        assertThrows(IOException.class, () -> FileZillaImporter.settingsKeyFiles(
                new ByteArrayInputStream("<other/>".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void remoteDirEncoding() {
        List<String> w = new ArrayList<>();
        assertEquals("/home/www", FileZillaImporter.remoteDir("1 0 4 home 3 www", w));
        assertEquals("/", FileZillaImporter.remoteDir("1 0", w));
        assertNull(FileZillaImporter.remoteDir("1 0 99 short", w));
        assertEquals(1, w.size());
    }

    @Test
    void refusesExternalEntitiesAndForeignFiles() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<FileZilla3><Servers><Server><Host>&e;</Host></Server></Servers></FileZilla3>";
        IOException e = assertThrows(IOException.class, () -> read(xxe));
        assertTrue(e.getMessage().contains("not a readable FileZilla"), e.getMessage());
        IOException other = assertThrows(IOException.class, () -> read("<html><body/></html>"));
        assertTrue(other.getMessage().contains("not a FileZilla 3 site manager file"), other.getMessage());
    }

    /** The XML parser must not print "[Fatal Error] :1:1: ..." on stderr; the error is said once, in Ferry's words. */
    @Test
    void aFileThatIsNotXmlIsReportedOnceAndNothingIsPrinted() throws Exception {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        IOException e;
        try {
            System.setErr(new java.io.PrintStream(stderr, true, StandardCharsets.UTF_8));
            e = assertThrows(IOException.class, () -> new FileZillaImporter().read(
                    new ByteArrayInputStream("not xml at all".getBytes(StandardCharsets.UTF_8))));
        } finally {
            System.setErr(saved);
        }
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().startsWith("this is not a readable FileZilla site manager file"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    /**
     * Found while fuzzing the importer: folders are walked recursively, so 20,000 nested folders (a
     * 200 KB file) overflowed a 1 MiB thread stack with StackOverflowError. The parser now refuses
     * elements nested deeper than FileZillaImporter.MAX_DEPTH.
     */
    @Test
    void deeplyNestedFoldersAreRefusedWithAMessage() throws Exception {
        StringBuilder xml = new StringBuilder("<FileZilla3><Servers>");
        xml.append("<Folder>f".repeat(20_000)).append("<Server><Host>h</Host></Server>").append("</Folder>".repeat(20_000));
        xml.append("</Servers></FileZilla3>");
        Throwable[] thrown = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                read(xml.toString());
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "import", 1 << 20);
        small.start();
        small.join();
        assertTrue(thrown[0] instanceof IOException, String.valueOf(thrown[0]));
        assertTrue(thrown[0].getMessage().startsWith("this is not a readable FileZilla site manager file"),
                thrown[0].getMessage());
    }

    /** Found by FileZillaImporterFuzzTest: a port of -121 threw IllegalArgumentException out of the whole import. */
    @Test
    void aSiteFerryCannotAcceptIsSkippedWithItsReason() throws Exception {
        FileZillaImporter.Result r = read("<FileZilla3><Servers>"
                + "<Server><Name>bad</Name><Host>h</Host><Port>-121</Port></Server>"
                + "<Server><Name>good</Name><Host>g</Host><Port>2121</Port></Server></Servers></FileZilla3>");
        assertEquals(List.of("bad: port must be 1..65535, was -121"), r.skipped());
        assertEquals("good", r.sites().get(0).profile().name());
    }

    @Test
    void theGenericProxyOfFileZillasSettingsIsReadItsFtpProxyIsOnlyMentioned() throws Exception {
        FileZillaImporter.Settings s = FileZillaImporter.settings(new java.io.ByteArrayInputStream("""
                <?xml version="1.0" encoding="UTF-8"?>
                <FileZilla3><Settings>
                  <Setting name="FTP Proxy type">1</Setting>
                  <Setting name="Proxy type">3</Setting>
                  <Setting name="Proxy host">socks4.example.org</Setting>
                  <Setting name="Proxy port">0</Setting>
                  <Setting name="Proxy user"></Setting>
                  <Setting name="Proxy password">unused</Setting>
                </Settings></FileZilla3>
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(new org.ferryftp.site.SiteProxy(org.ferryftp.ftp.ProxySettings.Type.SOCKS4A, "socks4.example.org",
                1080, ""), s.proxy(), "port 0 means the kind's usual one");
        assertEquals("", s.proxyPassword(), "no login, no password");
        assertEquals(2, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).contains("FTP proxy"), s.warnings().toString());
        assertTrue(s.warnings().get(1).contains("SOCKS4a"), s.warnings().toString());

        FileZillaImporter.Settings none = FileZillaImporter.settings(new java.io.ByteArrayInputStream(
                "<FileZilla3><Settings><Setting name=\"Proxy type\">0</Setting></Settings></FileZilla3>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(null, none.proxy());
        assertTrue(none.warnings().isEmpty());
        FileZillaImporter.Settings broken = FileZillaImporter.settings(new java.io.ByteArrayInputStream(
                "<FileZilla3><Settings><Setting name=\"Proxy type\">1</Setting><Setting name=\"Proxy host\"></Setting></Settings></FileZilla3>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(null, broken.proxy());
        assertTrue(broken.warnings().get(0).contains("cannot be used"), broken.warnings().toString());
    }
}
