package org.ferryftp.ftp;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection that fails ends the session's log with why, as FileZilla's does: the log pane showed
 * "connecting to …" and nothing after it when the server refused the connection.
 */
class ConnectFailureLogTest {

    @Test
    void aRefusedConnectionEndsTheLogWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        List<LogEntry> log = new CopyOnWriteArrayList<>();
        FtpSession session = new FtpSession(SessionSettings.of("127.0.0.1", closedPort, Credentials.anonymous()),
                "test", log::add);
        FtpException e = assertThrows(FtpException.class, session::connect);
        LogEntry last = log.get(log.size() - 1);
        assertEquals(LogEntry.Direction.ERROR, last.direction(), log.toString());
        assertEquals(e.getMessage(), last.text());
        assertTrue(last.text().contains(String.valueOf(closedPort)), last.text());
    }
}
