package org.ferryftp.site.importer;

import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionMode;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteProfile;
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
        assertEquals(3, r.sites().size());
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

        FileZillaImporter.ImportedSite locked = r.sites().get(2);
        assertEquals(TlsMode.IMPLICIT, locked.profile().tls());
        assertEquals(990, locked.profile().port());
        assertNull(locked.password());
        assertTrue(locked.warnings().get(0).contains("master password"), locked.warnings().toString());

        assertEquals(1, r.skipped().size());
        assertTrue(r.skipped().get(0).startsWith("SSH box: SFTP is not FTP"), r.skipped().toString());
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
}
