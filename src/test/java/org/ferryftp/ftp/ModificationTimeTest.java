package org.ferryftp.ftp;

import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Setting a file's time: MFMT where offered, else {@code MDTM time path} (vsftpd); a server that only reads MDTM
 * (it looks for a file named after the time and answers 550) is asked once per session, then left alone.
 */
class ModificationTimeTest {

    ScriptedFtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedFtpServer();
        server.putFile("/a.txt", "a".getBytes()).putFile("/b.txt", "b".getBytes());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    FtpSession connect() throws FtpException {
        return server.connect(LogListener.NONE);
    }

    List<String> sent(String verb) {
        return server.commands().stream().filter(c -> c.startsWith(verb + " ")).toList();
    }

    @Test
    void mfmtWhereOffered() throws Exception {
        server.features("MDTM", "MFMT", "SIZE");
        try (FtpSession s = connect()) {
            assertTrue(s.canSetModificationTimes());
            s.setModificationTime("/a.txt", Instant.parse("2024-03-04T05:06:07Z"));
            assertEquals(List.of("MFMT 20240304050607 /a.txt"), sent("MFMT"));
            assertEquals(List.of(), sent("MDTM"));
        }
    }

    @Test
    void mdtmWithATimeWhereOnlyMdtmIsOfferedAndOnlyOnceWhenTheServerOnlyReadsIt() throws Exception {
        server.features("MDTM", "SIZE");
        try (FtpSession s = connect()) {
            assertTrue(s.canSetModificationTimes());
            // Refused, then SITE UTIME (both forms) is tried, which this server lacks too.
            assertThrows(FtpSettingException.class, () -> s.setModificationTime("/a.txt",
                    Instant.parse("2024-03-04T05:06:07Z")));
            assertEquals(List.of("MDTM 20240304050607 /a.txt"), sent("MDTM"));
            assertEquals(2, sent("SITE").size(), sent("SITE").toString());
            assertFalse(s.canSetModificationTimes(), "not asked again this session");
            assertThrows(FtpSettingException.class, () -> s.setModificationTime("/b.txt", Instant.now()));
            assertEquals(1, sent("MDTM").size());
            assertEquals(2, sent("SITE").size());
            assertTrue(s.isConnected());
        }
    }

    @Test
    void neitherMeansSiteUtimeIsTriedOnceThenNoTimes() throws Exception {
        server.features("SIZE");
        try (FtpSession s = connect()) {
            assertTrue(s.canSetModificationTimes(), "SITE UTIME is not listed in FEAT by every server that has it");
            assertThrows(FtpSettingException.class, () -> s.setModificationTime("/a.txt", Instant.now()));
            assertFalse(s.canSetModificationTimes());
            assertEquals(List.of(), sent("MDTM"));
            assertEquals(2, sent("SITE").size(), sent("SITE").toString());
        }
    }
}
