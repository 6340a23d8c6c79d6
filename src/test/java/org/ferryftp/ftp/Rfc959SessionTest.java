package org.ferryftp.ftp;

import org.ferryftp.session.RemoteFileStatus;
import org.ferryftp.session.TransferListener;

import org.ferryftp.testsupport.Rfc959Extension;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One session against servers without extensions: what it falls back to, and that a refusal is remembered. */
class Rfc959SessionTest {

    private static FtpSession connect(ScriptedFtpServer server, DataConnectionMode mode, List<LogEntry> log)
            throws FtpException {
        FtpSession session = new FtpSession(SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of("ferry", "secret")).withData(DataConnectionSettings.PASSIVE.withMode(mode)
                .withPreferEprt(true)), "rfc959", log::add);
        session.connect();
        return session;
    }

    private static long count(ScriptedFtpServer server, String verb) {
        return server.commands().stream().filter(c -> c.toUpperCase().startsWith(verb)).count();
    }

    private static byte[] roundTrip(FtpSession session) throws FtpException {
        byte[] content = new byte[100_000];
        new Random(7).nextBytes(content);
        session.store("f.bin", new ByteArrayInputStream(content), 0, TransferListener.NONE);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        session.retrieve("f.bin", back, 0, TransferListener.NONE);
        assertArrayEquals(content, back.toByteArray());
        return content;
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 501, 502, 504})
    void anAdvertisedSizeTheServerRefusesIsAskedOnceAndSizesComeFromTheListing(int code) throws Exception {
        List<LogEntry> log = new ArrayList<>();
        try (ScriptedFtpServer server = new ScriptedFtpServer().refusesAdvertised(Rfc959Extension.SIZE, code)
                .refusesAdvertised(Rfc959Extension.MLST, code);
             FtpSession session = connect(server, DataConnectionMode.PASSIVE, log)) {
            byte[] content = roundTrip(session);
            RemoteFileStatus first = session.status("f.bin");
            RemoteFileStatus again = session.status("f.bin");
            assertEquals(new RemoteFileStatus.Present(content.length, first instanceof RemoteFileStatus.Present p
                    ? p.modified() : null, "LIST"), first);
            assertEquals(first, again);
            assertInstanceOf(RemoteFileStatus.Absent.class, session.status("none.bin"));
            assertEquals(1, count(server, "SIZE"), server.commands().toString());
            assertTrue(log.stream().anyMatch(e -> e.format().contains("does not have SIZE")), log.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 501, 502, 504})
    void withoutPasvTheServerConnectsToPortAndWithoutPortToTheDefaultDataPort(int code) throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(code).lacks(Rfc959Extension.PASV, code);
             FtpSession session = connect(server, DataConnectionMode.PASSIVE, new ArrayList<>())) {
            roundTrip(session);
            roundTrip(session);
            assertEquals(1, count(server, "PASV"), server.commands().toString());
            assertEquals(4, count(server, "PORT"), server.commands().toString());
        }
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(code).lacks(Rfc959Extension.PASV, code)
                .lacks(Rfc959Extension.PORT, code);
             FtpSession session = connect(server, DataConnectionMode.PASSIVE, new ArrayList<>())) {
            roundTrip(session);
            roundTrip(session);
            assertEquals(1, count(server, "PASV"), server.commands().toString());
            assertEquals(1, count(server, "PORT"), server.commands().toString());
        }
    }

    /**
     * The default data port listens on the control connection's own port and address. A port the kernel picked for
     * connect(), or one a wildcard probe found free, may still hold a TIME_WAIT on 127.0.0.1 that lacks
     * SO_REUSEADDR (a server's active data connection leaves one), and the listener could not bind ("Address
     * already in use"): in a third of such sessions on this machine (Linux 6.18), in either mode. Each session
     * now connects from a port it has checked a listener on its own address can take.
     */
    @ParameterizedTest
    @EnumSource(value = DataConnectionMode.class, names = {"PASSIVE", "DEFAULT_PORT"})
    void theDefaultDataPortCanListenInSessionAfterSession(DataConnectionMode mode) throws Exception {
        for (int i = 0; i < 20; i++) {
            try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(502).lacks(Rfc959Extension.PASV, 502)
                    .lacks(Rfc959Extension.PORT, 502);
                 FtpSession session = connect(server, mode, new ArrayList<>())) {
                roundTrip(session);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 501, 502, 504})
    void anAdvertisedEprtOrEpsvTheServerRefusesIsTriedOnceThenPortOrPasv(int code) throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer().refusesAdvertised(Rfc959Extension.EPRT, code)
                .refusesAdvertised(Rfc959Extension.EPSV, code)) {
            try (FtpSession active = connect(server, DataConnectionMode.ACTIVE, new ArrayList<>())) {
                roundTrip(active);
                roundTrip(active);
            }
            try (FtpSession passive = connect(server, DataConnectionMode.PASSIVE, new ArrayList<>())) {
                roundTrip(passive);
                roundTrip(passive);
            }
            assertEquals(1, count(server, "EPRT"), server.commands().toString());
            assertEquals(4, count(server, "PORT"), server.commands().toString());
            assertEquals(1, count(server, "EPSV"), server.commands().toString());
            assertEquals(4, count(server, "PASV"), server.commands().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 501, 502, 504})
    void withoutAnyListingNothingCanBeToldAndTheStatusSaysWhy(int code) throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(code);
             FtpSession session = connect(server, DataConnectionMode.PASSIVE, new ArrayList<>())) {
            server.script("LIST", code + " no LIST here\r\n").script("NLST", code + " no NLST here\r\n");
            RemoteFileStatus status = session.status("f.bin");
            RemoteFileStatus.Unknown unknown = assertInstanceOf(RemoteFileStatus.Unknown.class, status);
            assertTrue(unknown.why().contains("no SIZE"), unknown.why());
        }
    }
}
