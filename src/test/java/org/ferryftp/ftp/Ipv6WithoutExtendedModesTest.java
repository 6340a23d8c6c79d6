package org.ferryftp.ftp;

import org.ferryftp.session.TransferListener;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An IPv6 server that has only RFC 959's PASV and PORT (EPSV and EPRT answered 502): their h1,h2,h3,h4 address
 * cannot name an IPv6 host, so the transfer is refused with one line saying so, in either mode.
 */
class Ipv6WithoutExtendedModesTest {

    @ParameterizedTest
    @EnumSource(value = DataConnectionMode.class, names = {"PASSIVE", "ACTIVE"})
    void theRefusalSaysPasvAndPortCannotCarryIpv6(DataConnectionMode mode) throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(502, InetAddress.getByName("::1"))) {
            server.credentials("ferry", "secret");
            DataConnectionSettings data = DataConnectionSettings.PASSIVE.withMode(mode);
            if (mode == DataConnectionMode.ACTIVE) {
                data = data.withActive("::1", 0, 0, null);
            }
            List<LogEntry> log = new ArrayList<>();
            try (FtpSession session = new FtpSession(SessionSettings.of("::1", server.port(),
                    Credentials.of("ferry", "secret")).withData(data), "v6", log::add)) {
                session.connect();
                FtpException e = assertThrows(FtpException.class, () -> session.retrieve("f.bin",
                        new ByteArrayOutputStream(), 0, TransferListener.NONE));
                String verb = mode == DataConnectionMode.PASSIVE ? "EPSV" : "EPRT";
                assertEquals("the server at [::1] offers only PASV/PORT, which cannot carry IPv6 addresses ("
                        + verb + ": 502 Command not implemented.)", e.getMessage());
                assertEquals(1, e.getMessage().lines().count());
                assertTrue(server.commands().stream().noneMatch(c -> c.startsWith("PASV") || c.startsWith("PORT")),
                        "PASV/PORT would only fail later: " + server.commands());
            }
        }
    }
}
