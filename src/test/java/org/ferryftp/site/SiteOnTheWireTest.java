package org.ferryftp.site;

import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.session.TransferListener;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferMode;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session made from a saved site sends what the profile says: PASV or EPSV or PORT, TYPE, MODE. */
class SiteOnTheWireTest {

    @TempDir
    Path root;
    EmbeddedMinaServer server;
    final List<String> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new EmbeddedMinaServer(root);
        server.write("notes.txt", "one\ntwo\n".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String download(SiteProfile p) throws Exception {
        FtpSession s = new FtpSession(SiteSessions.settings(p, EmbeddedMinaServer.PASSWORD), "wire", e -> {
            if (e.direction() == LogEntry.Direction.SENT) {
                sent.add(e.text());
            }
        });
        s.connect();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.retrieve("notes.txt", out, 0, TransferListener.NONE);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            s.close();
        }
    }

    private SiteProfileBuilder profile() {
        return SiteProfile.builder("w", "Wire", "127.0.0.1").port(server.port()).user(EmbeddedMinaServer.USER);
    }

    private boolean sentStartingWith(String prefix) {
        return sent.stream().anyMatch(c -> c.startsWith(prefix));
    }

    @Test
    void passiveWithoutEpsvAndAsciiSendsPasvAndTypeA() throws Exception {
        String text = download(profile().data(DataConnectionSettings.PASSIVE.withPreferEpsv(false))
                .representation(Representation.ASCII).build());
        assertEquals("one" + System.lineSeparator() + "two" + System.lineSeparator(), text);
        assertTrue(sentStartingWith("PASV"), sent.toString());
        assertFalse(sentStartingWith("EPSV"), sent.toString());
        assertTrue(sentStartingWith("TYPE A"), sent.toString());
    }

    @Test
    void typeAutoSendsTypeAForListedExtensionsAndTypeIForTheRest() throws Exception {
        server.write("photo.bin", new byte[] {1, 2, '\n', 3});
        SiteProfile p = profile().autoAscii(AutoAscii.parse(true, "txt, html")).build();
        FtpSession s = new FtpSession(SiteSessions.settings(p, EmbeddedMinaServer.PASSWORD), "wire", e -> {
            if (e.direction() == LogEntry.Direction.SENT) {
                sent.add(e.text());
            }
        });
        s.connect();
        try {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            s.retrieve("notes.txt", text, 0, TransferListener.NONE);
            int afterText = sent.size();
            ByteArrayOutputStream bin = new ByteArrayOutputStream();
            s.retrieve("photo.bin", bin, 0, TransferListener.NONE);
            assertEquals("one" + System.lineSeparator() + "two" + System.lineSeparator(),
                    text.toString(StandardCharsets.UTF_8));
            assertTrue(sent.subList(0, afterText).stream().anyMatch(c -> c.startsWith("TYPE A")), sent.toString());
            assertTrue(sent.subList(afterText, sent.size()).contains("TYPE I"), sent.toString());
            org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {1, 2, '\n', 3}, bin.toByteArray());
        } finally {
            s.close();
        }
    }

    @Test
    void binaryWithModeZSendsTypeIAndModeZ() throws Exception {
        // (MINA's FEAT does not advertise EPSV, so the engine uses PASV here whatever the preference.)
        String text = download(profile().data(DataConnectionSettings.PASSIVE)
                .representation(Representation.BINARY.withMode(TransferMode.DEFLATE)).build());
        assertEquals("one\ntwo\n", text);
        assertTrue(sentStartingWith("MODE Z"), sent.toString());
        assertTrue(sentStartingWith("TYPE I"), sent.toString());
    }

    @Test
    void activeSendsPortFromTheConfiguredRange() throws Exception {
        download(profile().data(DataConnectionSettings.ACTIVE.withActive(null, 47000, 47020, null)).build());
        String port = sent.stream().filter(c -> c.startsWith("PORT") || c.startsWith("EPRT")).findFirst()
                .orElseThrow(() -> new AssertionError(sent.toString()));
        String[] parts = port.substring(5).split(",");
        int p = Integer.parseInt(parts[4].trim()) * 256 + Integer.parseInt(parts[5].trim());
        assertTrue(p >= 47000 && p <= 47020, port);
    }
}
