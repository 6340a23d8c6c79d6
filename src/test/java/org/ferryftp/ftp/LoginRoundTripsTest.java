package org.ferryftp.ftp;

import org.ferryftp.testsupport.LoginScript;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The round trips of a login (issue 18: a site-to-site copy in a running app is mostly its two logins): OPTS UTF8 ON
 * goes out with USER, since its reply changes nothing that USER depends on.
 */
class LoginRoundTripsTest {

    final List<LogEntry> log = new CopyOnWriteArrayList<>();

    List<String> dialogue() {
        return log.stream().filter(e -> e.direction() != LogEntry.Direction.INFO)
                .map(e -> e.direction().arrow() + " " + e.text()).toList();
    }

    @Test
    void optsUtf8GoesOutWithUser() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(); FtpSession s = server.connect(log::add)) {
            assertEquals("/", s.pwd());
        }
        List<String> d = dialogue();
        int opts = d.indexOf("→ OPTS UTF8 ON");
        assertEquals(List.of("→ OPTS UTF8 ON", "→ USER ferry", "← 200 Always in UTF8 mode."), d.subList(opts, opts + 3),
                d.toString());
        assertTrue(d.indexOf("→ PASS ****") > d.indexOf("← 331 Please specify the password."), d.toString());
    }

    @Test
    void aRefusedOptsUtf8OrAUserWithoutPasswordStillLogsIn() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer()) {
            server.script("OPTS", "501 OPTS UTF8 not understood\r\n").loginScript(LoginScript.NO_PASSWORD);
            try (FtpSession s = server.connect(log::add)) {
                assertEquals("/", s.pwd(), "replies stay in step");
            }
        }
        assertTrue(dialogue().stream().noneMatch(l -> l.startsWith("→ PASS")), dialogue().toString());
    }

    @Test
    void aWrongPasswordIsStillALoginFailure() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer()) {
            server.credentials("ferry", "other");
            FtpRefusedException e = assertThrows(FtpRefusedException.class, () -> server.connect(log::add));
            assertTrue(e.getMessage().contains("password was not accepted"), e.getMessage());
        }
    }
}
