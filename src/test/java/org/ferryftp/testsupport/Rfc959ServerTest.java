package org.ferryftp.testsupport;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scripted server's RFC 959-only profile and per-extension refusals, seen by a client that is not Ferry's. */
class Rfc959ServerTest {

    @TempDir
    Path root;

    private static FTPClient login(ScriptedFtpServer server) throws IOException {
        FTPClient client = new FTPClient();
        client.setDefaultTimeout(5_000);
        client.connect(InetAddress.getLoopbackAddress(), server.port());
        assertTrue(client.login("ferry", "secret"));
        return client;
    }

    @Test
    void aMissingExtensionLeavesFeatAndIsRefusedWithItsCode() throws IOException {
        try (ScriptedFtpServer server = new ScriptedFtpServer().lacks(Rfc959Extension.SIZE, 502)
                .refusesAdvertised(Rfc959Extension.MDTM, 504)) {
            FTPClient client = login(server);
            assertEquals(211, client.sendCommand("FEAT"));
            assertFalse(client.getReplyString().contains(" SIZE"), client.getReplyString());
            assertTrue(client.getReplyString().contains(" MDTM"), client.getReplyString());
            assertEquals(502, client.sendCommand("SIZE x"));
            assertEquals(504, client.sendCommand("MDTM x"));
            assertEquals(200, client.sendCommand("NOOP"));
            client.disconnect();
        }
    }

    @Test
    void anRfc959OnlyServerRefusesEveryExtensionButTransfers() throws IOException {
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(501)) {
            FTPClient client = new FTPClient();
            client.setDefaultTimeout(5_000);
            client.connect(InetAddress.getLoopbackAddress(), server.port());
            assertEquals(501, client.sendCommand("FEAT"), "FEAT before login too");
            assertTrue(client.login("ferry", "secret"));
            for (String command : new String[] {"OPTS UTF8 ON", "SIZE x", "MDTM x", "REST 5", "EPSV", "MLSD",
                    "MLST x", "MODE Z", "MFMT 20200101000000 x", "XCRC x", "SITE CHMOD 644 x", "EPRT |1|127.0.0.1|5|"}) {
                assertEquals(501, client.sendCommand(command), command);
            }
            assertEquals(215, client.sendCommand("SYST"));
            client.enterLocalPassiveMode();
            assertTrue(client.setFileType(FTP.BINARY_FILE_TYPE));
            byte[] data = {1, 2, 3, (byte) 0xFF, '\r', '\n'};
            assertTrue(client.storeFile("f.bin", new ByteArrayInputStream(data)));
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            assertTrue(client.retrieveFile("f.bin", back));
            assertArrayEquals(data, back.toByteArray());
            client.disconnect();
        }
    }

    @Test
    void aServerOnADirectoryServesWhatIsOnDiskAndStoresThere() throws IOException {
        try (ScriptedFtpServer server = ScriptedFtpServer.rfc959Only(502, root)) {
            Files.createDirectories(root.resolve("pub"));
            Files.write(root.resolve("pub/late.txt"), "written after the start".getBytes());
            FTPClient client = login(server);
            client.enterLocalPassiveMode();
            assertTrue(client.setFileType(FTP.BINARY_FILE_TYPE));
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            assertTrue(client.retrieveFile("pub/late.txt", back));
            assertEquals("written after the start", back.toString());
            assertTrue(client.storeFile("pub/up.bin", new ByteArrayInputStream(new byte[] {9, 8, 7})));
            assertArrayEquals(new byte[] {9, 8, 7}, Files.readAllBytes(root.resolve("pub/up.bin")));
            assertTrue(client.rename("pub/up.bin", "pub/moved.bin"));
            assertTrue(Files.exists(root.resolve("pub/moved.bin")));
            assertFalse(Files.exists(root.resolve("pub/up.bin")));
            assertEquals(2, client.listNames("pub").length);
            assertTrue(client.makeDirectory("pub/new"));
            assertTrue(Files.isDirectory(root.resolve("pub/new")));
            assertTrue(client.removeDirectory("pub/new"));
            assertTrue(client.deleteFile("pub/moved.bin"));
            assertFalse(Files.exists(root.resolve("pub/moved.bin")));
            client.disconnect();
        }
    }
}
