package org.ferryftp.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FtpUrlTest {

    @Test
    void parsesAllParts() {
        FtpUrl u = FtpUrl.parse("ftp://bob:p%40ss+w@example.org:2121/dir/my%20file.txt");
        assertEquals("bob", u.user());
        assertEquals("p@ss+w", u.password());
        assertEquals("example.org", u.host());
        assertEquals(2121, u.port());
        assertEquals("dir/my file.txt", u.path());
        assertEquals("ftp://bob@example.org:2121/dir/my file.txt", u.display());
    }

    @Test
    void defaultsAndAbsolutePaths() {
        FtpUrl u = FtpUrl.parse("ftp://host");
        assertNull(u.user());
        assertEquals(21, u.port());
        assertEquals("", u.path());
        assertEquals("/etc/motd", FtpUrl.parse("ftp://host//etc/motd").path());
        assertEquals("/etc/motd", FtpUrl.parse("ftp://host/%2Fetc/motd").path());
        assertEquals("::1", FtpUrl.parse("ftp://[::1]:2121/x").host());
    }

    @Test
    void tlsSchemes() {
        FtpUrl implicit = FtpUrl.parse("FTPS://host/x");
        assertEquals(org.ferryftp.ftp.TlsPolicy.Mode.IMPLICIT, implicit.security());
        assertEquals(990, implicit.port());
        assertEquals("ftps://host:990/x", implicit.display());
        FtpUrl explicit = FtpUrl.parse("ftpes://u@host/x");
        assertEquals(org.ferryftp.ftp.TlsPolicy.Mode.EXPLICIT, explicit.security());
        assertEquals(21, explicit.port());
        assertEquals(org.ferryftp.ftp.TlsPolicy.Mode.NONE, FtpUrl.parse("ftp://host").security());
        assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse("ftpx://host/"));
        assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse("host/x"));
    }

    @Test
    void rejectsOtherSchemes() {
        assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse("sftp://host/"));
        assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse("ftp:///nohost"));
    }

    @Test
    void badPortsSayBadPort() {
        for (String url : new String[] {"ftp://h:abc/", "ftp://h:-1/", "ftp://h:99999999999999999999/",
                "ftp://h:65536/", "ftp://h:0/", "ftp://[::1]:x/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse(url), url);
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("bad port"), url + ": " + e.getMessage());
        }
    }

    @Test
    void anEmptyPortMeansTheSchemesDefault() {
        // RFC 3986 3.2.3: an empty port is the scheme's default.
        assertEquals(21, FtpUrl.parse("ftp://h:/").port());
        assertEquals(990, FtpUrl.parse("ftps://h:/x").port());
        assertEquals("h", FtpUrl.parse("ftp://h:/").host());
    }

    @Test
    void badPercentEscapesSaySo() {
        for (String url : new String[] {"ftp://h/a%zz", "ftp://h/a%4", "ftp://u%g1@h/", "ftp://u:p%@h/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse(url), url);
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("bad percent-escape"),
                    url + ": " + e.getMessage());
        }
    }

    @Test
    void aPasswordWithALineBreakIsRefusedWithoutBeingEchoed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FtpUrl.parse("ftp://bob:s3cret%0D%0ADELE%20x@h/"));
        org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("DELE"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("password"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse("ftp://bo%0Ab@h/"));
    }

    /** Found by FtpUrlFuzzTest: refusals echoed the whole text, password and line breaks included. */
    @Test
    void refusalsShowNeitherThePasswordNorALineBreak() {
        for (String url : new String[] {"ftp://bob:s3cret@/x", "ftp://bob:s3cret@:21/x", "bob:s3cret@host/x",
                "sftp://bob:s3cret@host/", "ftp://bob:s3cret@h:2\n1/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse(url), url);
            org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse("\nftp://h/"));
        assertEquals("not an ftp://, ftpes://, ftps:// or sftp:// URL: \\x0aftp://h/", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse("ftp://u:pw@h_x/a\r\nb"));
        assertEquals("no host in URL: ftp://h_x/a\\x0d\\x0ab", e.getMessage());
    }
}
