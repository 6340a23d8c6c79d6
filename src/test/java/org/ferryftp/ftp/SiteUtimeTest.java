package org.ferryftp.ftp;

import org.ferryftp.testsupport.Rfc959Extension;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Setting a file's time where neither MFMT nor MDTM with a time works: SITE UTIME in its two-argument form, then
 * ProFTPD's five-argument form; a server with neither says so, and is not asked again in the session.
 */
class SiteUtimeTest {

    static final Instant T = Instant.parse("2021-02-03T04:05:06Z");

    private static FtpSession connect(ScriptedFtpServer server) throws FtpException {
        List<LogEntry> log = new ArrayList<>();
        FtpSession session = new FtpSession(SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of("ferry", "secret")), "utime", log::add);
        session.connect();
        return session;
    }

    private static ScriptedFtpServer withoutMfmtOrMdtm() throws Exception {
        return new ScriptedFtpServer().lacks(Rfc959Extension.MFMT, 500).lacks(Rfc959Extension.MDTM, 500)
                .putFile("/a.txt", "a".getBytes()).mkdir("/dir");
    }

    private static List<String> sites(ScriptedFtpServer server) {
        return server.commands().stream().filter(c -> c.startsWith("SITE")).toList();
    }

    @Test
    void twoArgumentForm() throws Exception {
        try (ScriptedFtpServer server = withoutMfmtOrMdtm().siteUtime(2); FtpSession s = connect(server)) {
            assertTrue(s.canSetModificationTimes(), "untried: worth one try");
            s.setModificationTime("/a.txt", T);
            assertEquals(T, server.modifiedTime("/a.txt"));
            s.setDirectoryModificationTime("/dir", T);
            assertEquals(T, server.modifiedTime("/dir"));
            assertEquals(List.of("SITE UTIME 20210203040506 /a.txt", "SITE UTIME 20210203040506 /dir"), sites(server));
        }
    }

    @Test
    void fiveArgumentFormWhenTheShortOneIsNotUnderstood() throws Exception {
        try (ScriptedFtpServer server = withoutMfmtOrMdtm().siteUtime(5); FtpSession s = connect(server)) {
            s.setModificationTime("/a.txt", T);
            assertEquals(T, server.modifiedTime("/a.txt"));
            assertEquals(List.of("SITE UTIME 20210203040506 /a.txt",
                    "SITE UTIME /a.txt 20210203040506 20210203040506 20210203040506 UTC"), sites(server));
        }
    }

    @Test
    void aServerWithNoWayToSetTimesIsAskedOnce() throws Exception {
        try (ScriptedFtpServer server = withoutMfmtOrMdtm(); FtpSession s = connect(server)) {
            assertThrows(FtpSettingException.class, () -> s.setModificationTime("/a.txt", T));
            assertFalse(s.canSetModificationTimes());
            assertThrows(FtpSettingException.class, () -> s.setModificationTime("/a.txt", T));
            assertEquals(2, sites(server).size(), "both forms tried once: " + sites(server));
        }
    }
}
