package org.ferryftp.ftp;

import org.ferryftp.session.RawCommands;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FTP sessions offer typed commands (SITE and the like) as a feature; data and state commands are refused. */
class RawCommandsTest {

    ScriptedFtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedFtpServer();
        server.putFile("/f.txt", "x".getBytes());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsSiteCommandsAndReturnsTheReplyRefusalsIncluded() throws Exception {
        try (FtpSession s = server.connect(LogListener.NONE)) {
            RawCommands raw = s.feature(RawCommands.class).orElseThrow();
            assertEquals("200 SITE CHMOD command ok.", raw.send("site chmod 600 /f.txt"));
            assertTrue(server.commands().contains("SITE chmod 600 /f.txt"), server.commands().toString());
            assertEquals("500 Unknown SITE command.", raw.send("SITE FROBNICATE"));

            for (String refused : new String[] {"RETR /f.txt", "pasv", "PORT 127,0,0,1,4,1", "TYPE A", "CWD /",
                    "USER other", "QUIT", ""}) {
                assertThrows(FtpSettingException.class, () -> raw.send(refused), refused);
            }
            assertThrows(UnsafeArgumentException.class, () -> raw.send("NOOP\r\nDELE /f.txt"));
            assertTrue(server.exists("/f.txt"));
            assertFalse(server.commands().stream().anyMatch(c -> c.startsWith("RETR") || c.startsWith("DELE")));
            assertEquals(200, s.noop().code(), "the session is still in step");
        }
    }
}
