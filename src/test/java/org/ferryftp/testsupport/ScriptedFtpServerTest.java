package org.ferryftp.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Proves the scripted server with a client that is not Ferry's: raw Apache Commons Net and raw sockets. */
class ScriptedFtpServerTest {

    /** Bytes that any text conversion would change: CR, LF, CRLF, NUL, 0xFF, EBCDIC-looking bytes. */
    private static final byte[] AWKWARD_BYTES = {'a', '\r', '\n', 'b', '\n', '\r', 0, (byte) 0xFF, (byte) 0xC1,
            (byte) 0x85, 0x15, 0x25, '\r'};

    private ScriptedFtpServer server;
    private final List<FTPClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new ScriptedFtpServer();
    }

    @AfterEach
    void stopEverything() {
        for (FTPClient client : clients) {
            try {
                client.disconnect();
            } catch (IOException ignored) {
                // the test may have broken the connection on purpose
            }
        }
        server.close();
    }

    // ---- login scripts ----------------------------------------------------------------------------------

    @Test
    void passwordScriptAsksForPasswordAndRejectsWrongOne() throws IOException {
        FTPClient client = connect();
        assertEquals(331, client.sendCommand("USER ferry"));
        assertEquals(530, client.sendCommand("PASS wrong"));
        assertEquals(331, client.sendCommand("USER ferry"));
        assertEquals(230, client.sendCommand("PASS secret"));
        assertEquals(257, client.sendCommand("PWD"));
        assertEquals("secret", server.lastArgument("PASS"));
    }

    @Test
    void noPasswordScriptLogsInOnUser() throws IOException {
        server.loginScript(LoginScript.NO_PASSWORD);
        FTPClient client = connect();
        assertEquals(530, client.sendCommand("USER stranger"));
        assertEquals(230, client.sendCommand("USER ferry"));
        assertEquals(257, client.sendCommand("PWD"));
    }

    @Test
    void accountScriptAsksForAccountAfterPassword() throws IOException {
        server.loginScript(LoginScript.ACCOUNT).credentials("bob", "pw").account("ledger");
        FTPClient client = connect();
        assertEquals(331, client.sendCommand("USER bob"));
        assertEquals(332, client.sendCommand("PASS pw"));
        assertEquals(530, client.sendCommand("ACCT other"));
        assertEquals(331, client.sendCommand("USER bob"));
        assertEquals(332, client.sendCommand("PASS pw"));
        assertEquals(230, client.sendCommand("ACCT ledger"));
    }

    @Test
    void accountAfterUserScriptSkipsPassword() throws IOException {
        server.loginScript(LoginScript.ACCOUNT_AFTER_USER);
        FTPClient client = connect();
        assertEquals(332, client.sendCommand("USER ferry"));
        assertEquals(230, client.sendCommand("ACCT acct"));
        assertEquals(200, client.sendCommand("NOOP"));
    }

    @Test
    void anonymousNeedsToBeEnabledAndTakesAnyPassword() throws IOException {
        FTPClient client = connect();
        assertEquals(331, client.sendCommand("USER anonymous"));
        assertEquals(530, client.sendCommand("PASS guest@example.org"));
        server.allowAnonymous(true);
        assertEquals(331, client.sendCommand("USER anonymous"));
        assertEquals(230, client.sendCommand("PASS guest@example.org"));
    }

    @Test
    void onlyLoginAndInformationCommandsWorkBeforeLogin() throws IOException {
        FTPClient client = connect();
        assertEquals(530, client.sendCommand("PWD"));
        assertEquals(530, client.sendCommand("TYPE I"));
        assertEquals(215, client.sendCommand("SYST"));
        assertEquals("215 UNIX Type: L8", client.getReplyString().trim());
        assertEquals(211, client.sendCommand("FEAT"));
        assertTrue(client.getReplyString().contains(" MODE Z\r\n"), client.getReplyString());
        assertEquals(200, client.sendCommand("OPTS UTF8 ON"));
        assertEquals(503, client.sendCommand("PASS secret"));
    }

    // ---- representation commands and refusals -----------------------------------------------------------

    @Test
    void acceptsAndRecordsTypesAndStructuresOtherServersRefuse() throws IOException {
        FTPClient client = login();
        for (String command : List.of("TYPE E", "TYPE E C", "TYPE A T", "TYPE L 8", "TYPE L 36", "STRU R",
                "STRU P", "STRU F", "TYPE I")) {
            assertEquals(200, client.sendCommand(command), command);
        }
        assertEquals("I", server.lastArgument("TYPE"));
        assertEquals(504, client.sendCommand("TYPE L 0"));
        assertEquals(504, client.sendCommand("TYPE X"));
        assertEquals(501, client.sendCommand("TYPE"));
        assertEquals(504, client.sendCommand("STRU X"));
        assertEquals("", server.lastArgument("TYPE"));
        assertEquals("X", server.lastArgument("STRU"));
        assertTrue(server.commands().containsAll(List.of("TYPE E C", "TYPE L 36", "STRU R", "STRU P")));
        assertNull(server.lastArgument("MLSD"));
    }

    @Test
    void refusalHookAnswers504() throws IOException {
        server.refuse("STRU", "R").refuse("TYPE", "E");
        FTPClient client = login();
        assertEquals(504, client.sendCommand("STRU R"));
        assertEquals("504 STRU R not implemented for that parameter", client.getReplyString().trim());
        assertEquals(504, client.sendCommand("TYPE E"));
        assertEquals(200, client.sendCommand("TYPE E N"));
        assertEquals(200, client.sendCommand("STRU P"));
    }

    @Test
    void modeZIsOfferedOnlyWhenAdvertised() throws IOException {
        server.features("UTF8", "SIZE");
        FTPClient client = login();
        assertEquals(504, client.sendCommand("MODE Z"));
        assertEquals(200, client.sendCommand("MODE S"));
    }

    // ---- transfers --------------------------------------------------------------------------------------

    @Test
    void passiveTransfersStoreAndServeExactBytes() throws IOException {
        FTPClient client = login();
        client.enterLocalPassiveMode();
        assertTrue(client.setFileType(FTP.BINARY_FILE_TYPE));
        assertFalse(client.storeFile("/up/awkward.bin", new ByteArrayInputStream(AWKWARD_BYTES)),
                "parent directory does not exist yet");
        server.mkdir("/up");
        assertTrue(client.storeFile("/up/awkward.bin", new ByteArrayInputStream(AWKWARD_BYTES)));
        assertArrayEquals(AWKWARD_BYTES, server.file("/up/awkward.bin"));
        assertArrayEquals(AWKWARD_BYTES, retrieve(client, "/up/awkward.bin"));
        assertTrue(server.commands().contains("PASV"));
    }

    @Test
    void extendedPassiveTransfer() throws IOException {
        server.putFile("/data/in.bin", AWKWARD_BYTES);
        FTPClient client = login();
        client.enterLocalPassiveMode();
        client.setUseEPSVwithIPv4(true);
        client.setFileType(FTP.BINARY_FILE_TYPE);
        assertArrayEquals(AWKWARD_BYTES, retrieve(client, "/data/in.bin"));
        assertTrue(client.storeFile("/data/out.bin", new ByteArrayInputStream(AWKWARD_BYTES)));
        assertArrayEquals(AWKWARD_BYTES, server.file("/data/out.bin"));
        assertFalse(server.commands().contains("PASV"));
        assertTrue(server.commands().contains("EPSV"));
    }

    @Test
    void activeTransferWithPort() throws IOException {
        server.putFile("/in.bin", AWKWARD_BYTES);
        FTPClient client = login();
        client.enterLocalActiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        assertArrayEquals(AWKWARD_BYTES, retrieve(client, "/in.bin"));
        assertTrue(client.storeFile("/out.bin", new ByteArrayInputStream(AWKWARD_BYTES)));
        assertArrayEquals(AWKWARD_BYTES, server.file("/out.bin"));
        assertTrue(server.lastArgument("PORT").startsWith("127,0,0,1,"));
    }

    @Test
    void activeTransferWithEprt() throws IOException {
        server.putFile("/in.bin", AWKWARD_BYTES);
        try (RawFtpControl control = new RawFtpControl(server.port()).login();
             ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            control.expect("200", "EPRT |1|127.0.0.1|" + listener.getLocalPort() + "|");
            control.expect("150", "RETR /in.bin");
            try (Socket data = listener.accept()) {
                assertArrayEquals(AWKWARD_BYTES, data.getInputStream().readAllBytes());
            }
            assertTrue(control.readReply().startsWith("226"));
            assertTrue(control.command("EPRT |1|192.0.2.1|2000|").startsWith("501"), "loopback only");
        }
    }

    @Test
    void defaultDataPortConnectsToTheControlConnectionsAddress() throws IOException {
        server.putFile("/in.bin", AWKWARD_BYTES);
        Socket unconnected = new Socket();
        unconnected.setReuseAddress(true); // the data listener must share the control connection's port
        unconnected.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try (RawFtpControl control = new RawFtpControl(unconnected, server.port()).login();
             ServerSocket listener = new ServerSocket()) {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), control.localPort()), 1);
            control.expect("150", "RETR /in.bin");
            try (Socket data = listener.accept()) {
                assertArrayEquals(AWKWARD_BYTES, data.getInputStream().readAllBytes());
            }
            assertTrue(control.readReply().startsWith("226"));
        }
    }

    @Test
    void restartOffsetAppliesToRetrieveAndStore() throws IOException {
        server.putFile("/f.bin", "0123456789".getBytes(StandardCharsets.US_ASCII));
        FTPClient client = login();
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.setRestartOffset(4);
        assertArrayEquals("456789".getBytes(StandardCharsets.US_ASCII), retrieve(client, "/f.bin"));
        client.setRestartOffset(3);
        assertTrue(client.storeFile("/f.bin", new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII))));
        assertArrayEquals("012abc".getBytes(StandardCharsets.US_ASCII), server.file("/f.bin"));
        assertEquals("3", server.lastArgument("REST"));
        client.setRestartOffset(0);
        assertEquals(554, restartThenRetrieveReply(client, 99));
    }

    @Test
    void modeZRoundTripInflatesUploadsAndDeflatesDownloads() throws IOException {
        byte[] content = new byte[300_000];
        new Random(42).nextBytes(content);
        System.arraycopy(new byte[100_000], 0, content, 0, 100_000); // compressible part
        FTPClient client = login();
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        assertTrue(client.setFileTransferMode(FTP.DEFLATE_TRANSFER_MODE));
        assertTrue(client.storeFile("/z.bin", new ByteArrayInputStream(content)));
        assertArrayEquals(content, server.file("/z.bin"));
        assertArrayEquals(content, retrieve(client, "/z.bin"));
        assertEquals("Z", server.lastArgument("MODE"));
    }

    @Test
    void storeUniqueRepliesWithTheNameItChose() throws IOException {
        server.putFile("/in/report", new byte[] {1});
        FTPClient client = login();
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.changeWorkingDirectory("/in");
        assertTrue(client.storeUniqueFile("report", new ByteArrayInputStream(AWKWARD_BYTES)));
        assertArrayEquals(AWKWARD_BYTES, server.file("/in/report.1"));
        assertTrue(server.commands().contains("STOU report"));

        try (RawFtpControl control = new RawFtpControl(server.port()).login();
             Socket data = new Socket(InetAddress.getLoopbackAddress(), passivePort(control.command("PASV")))) {
            assertEquals("150 FILE: report.2", control.command("STOU /in/report"));
            data.getOutputStream().write(AWKWARD_BYTES);
            data.shutdownOutput(); // end of file in stream mode
            assertTrue(control.readReply().startsWith("226"));
        }
        assertArrayEquals(AWKWARD_BYTES, server.file("/in/report.2"));
    }

    @Test
    void passiveReplyCanAdvertiseAFakeAddress() throws IOException {
        server.pasvReplyAddress("10.1.2.3").putFile("/in.bin", AWKWARD_BYTES);
        FTPClient client = login();
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        assertEquals(227, client.sendCommand("PASV"));
        assertTrue(client.getReplyString().contains("(10,1,2,3,"), client.getReplyString());
        // Commons Net, like a well-behaved client, ignores the private address and uses the control host
        assertArrayEquals(AWKWARD_BYTES, retrieve(client, "/in.bin"));
    }

    // ---- misbehaviour hooks -----------------------------------------------------------------------------

    @Test
    void scriptedRepliesAreSentByteForByte() throws IOException {
        String huge = "200 " + "x".repeat(1_000_000) + "\r\n";
        server.greeting("220-Hello\r\n220 there\r\n").script("PWD", "xyz\r\n").script("NOOP", huge)
                .script("SYST", new byte[] {'2', '1', '5', ' ', (byte) 0xC3, '\r', '\n'});
        try (RawFtpControl control = new RawFtpControl(server.port())) {
            assertEquals("220-Hello\n220 there", control.readReply());
            control.expect("331", "USER ferry");
            control.expect("230", "PASS secret");
            control.send("PWD");
            assertArrayEquals("xyz\r\n".getBytes(StandardCharsets.US_ASCII), control.readBytes(5));
            control.send("NOOP");
            assertArrayEquals(huge.getBytes(StandardCharsets.US_ASCII), control.readBytes(huge.length()));
            control.send("SYST");
            assertArrayEquals(new byte[] {'2', '1', '5', ' ', (byte) 0xC3, '\r', '\n'}, control.readBytes(7));
        }
    }

    @Test
    void scriptedLoginReplyCountsAsLogin() throws IOException {
        server.script("USER", "230-Welcome\r\n230 No password needed\r\n");
        FTPClient client = connect();
        assertEquals(230, client.sendCommand("USER whoever"));
        assertEquals(257, client.sendCommand("PWD"));
    }

    @Test
    void stalledCommandIsNeverAnswered() throws IOException {
        server.stall("NOOP");
        FTPClient client = login();
        client.setSoTimeout(1_000);
        assertThrows(SocketTimeoutException.class, () -> client.sendCommand("NOOP"));
    }

    @Test
    void droppedCommandClosesTheControlConnection() throws IOException {
        server.dropOn("PWD");
        FTPClient client = login();
        assertThrows(FTPConnectionClosedException.class, () -> client.sendCommand("PWD"));
    }

    @Test
    void abortDuringRetrieveGives426Then226() throws IOException {
        byte[] big = new byte[16 * 1024 * 1024]; // far more than the socket buffers hold
        server.putFile("/big.bin", big);
        FTPClient client = login();
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.setReceieveDataSocketBufferSize(32 * 1024);
        InputStream data = client.retrieveFileStream("/big.bin");
        assertNotNull(data, client.getReplyString());
        assertEquals(1024, data.readNBytes(1024).length);
        assertEquals(426, client.sendCommand("ABOR"));
        assertEquals(226, client.getReply());
        data.close();
        assertEquals(200, client.sendCommand("NOOP"));
    }

    @Test
    void abortOfStalledDataConnection() throws IOException {
        server.putFile("/stuck.bin", new byte[5000]).stallData("/stuck.bin", 1000);
        FTPClient client = login();
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        InputStream data = client.retrieveFileStream("/stuck.bin");
        assertEquals(1000, data.readNBytes(1000).length);
        assertEquals(426, client.sendCommand("ABOR"));
        assertEquals(226, client.getReply());
        assertEquals(-1, data.read(), "server closed the data connection");
        data.close();
        assertEquals(225, client.sendCommand("ABOR"), "nothing left to abort");
    }

    @Test
    void telnetInterruptAndSynchBeforeAbortAreIgnored() throws IOException {
        try (RawFtpControl control = new RawFtpControl(server.port()).login()) {
            // IAC IP IAC DM, as clients send them before ABOR (DM normally travels as TCP urgent data)
            control.sendBytes(new byte[] {(byte) 255, (byte) 244, (byte) 255, (byte) 242, 'A', 'B', 'O', 'R', '\r', '\n'});
            assertEquals("225 No transfer to ABOR.", control.readReply());
            // the same with DM lost out of band: the stray IAC must not eat the "A"
            control.sendBytes(new byte[] {(byte) 255, (byte) 244, (byte) 255, 'A', 'B', 'O', 'R', '\r', '\n'});
            assertTrue(control.readReply().startsWith("225"));
        }
        assertEquals(List.of("ABOR", "ABOR"), server.commands().subList(2, 4));
    }

    @Test
    void closeStopsStalledSessionsAndBlockedWritesPromptly() throws Exception {
        Set<Thread> nonDaemonBefore = liveNonDaemonThreads();
        server.stall("NOOP").putFile("/stuck.bin", new byte[100]).stallData("/stuck.bin", 10)
                .script("HELP", "214 " + "y".repeat(10_000_000) + "\r\n");
        try (RawFtpControl stalled = new RawFtpControl(server.port()).login();
             RawFtpControl stuckData = new RawFtpControl(server.port()).login();
             RawFtpControl unreadReply = new RawFtpControl(server.port()).login()) {
            stalled.send("NOOP");
            int dataPort = passivePort(stuckData.command("PASV"));
            try (Socket data = new Socket(InetAddress.getLoopbackAddress(), dataPort)) {
                stuckData.expect("150", "RETR /stuck.bin");
                assertEquals(10, data.getInputStream().readNBytes(10).length);
                unreadReply.send("HELP"); // never read: the server's write blocks
                assertTrue(server.awaitCommand("HELP", Duration.ofSeconds(5)));
                assertTrue(server.awaitCommand("NOOP", Duration.ofSeconds(5)));

                long start = System.nanoTime();
                server.close();
                long millis = (System.nanoTime() - start) / 1_000_000;

                assertTrue(millis < 2_000, "close() took " + millis + " ms");
                assertEquals(-1, stalled.read(), "control connection closed");
            }
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(server.threadNamePrefix())) {
                thread.join(1_000);
                assertFalse(thread.isAlive(), thread.getName() + " still running");
            }
        }
        Set<Thread> leftOver = liveNonDaemonThreads();
        leftOver.removeAll(nonDaemonBefore);
        assertTrue(leftOver.isEmpty(), "non-daemon threads left: " + leftOver);
    }

    // ---- file system commands and listings --------------------------------------------------------------

    @Test
    void fileCommandsWorkOnTheVirtualFileSystem() throws IOException {
        server.putFile("/docs/a.txt", new byte[] {1, 2, 3}).setModifiedTime("/docs/a.txt",
                Instant.parse("2021-02-03T04:05:06Z"));
        FTPClient client = login();
        assertEquals(250, client.sendCommand("CWD docs"));
        assertEquals("257 \"/docs\" is the current directory", reply(client, "PWD"));
        assertEquals("213 3", reply(client, "SIZE a.txt"));
        assertEquals("213 20210203040506", reply(client, "MDTM ../docs/./a.txt"));
        assertEquals(213, client.sendCommand("MFMT 20200101000000 a.txt"));
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), server.modifiedTime("/docs/a.txt"));
        assertEquals(200, client.sendCommand("SITE CHMOD 640 a.txt"));
        assertEquals("640", server.mode("/docs/a.txt"));
        assertEquals(550, client.sendCommand("MKD /nowhere/sub"));
        assertEquals(257, client.sendCommand("MKD sub"));
        assertEquals(350, client.sendCommand("RNFR a.txt"));
        assertEquals(250, client.sendCommand("RNTO sub/b.txt"));
        assertArrayEquals(new byte[] {1, 2, 3}, server.file("/docs/sub/b.txt"));
        assertEquals(550, client.sendCommand("RMD sub"));
        assertEquals(250, client.sendCommand("DELE sub/b.txt"));
        assertEquals(250, client.sendCommand("RMD sub"));
        assertEquals(250, client.sendCommand("CDUP"));
        assertEquals(550, client.sendCommand("CWD missing"));
        assertFalse(server.exists("/docs/sub"));
    }

    @Test
    void listingsAreGeneratedOrScripted() throws IOException {
        server.putFile("/pub/a.txt", new byte[42]).setModifiedTime("/pub/a.txt", Instant.parse("2020-05-06T07:08:09Z"))
                .mkdir("/pub/dir").setListing("/weird", "LIST", List.of("total 0", "garbage line", ""));
        FTPClient client = login();
        client.enterLocalPassiveMode();
        assertEquals(List.of("a.txt", "dir"), List.of(client.listNames("/pub")));
        assertEquals("-rw-r--r--   1 ferry    ferry            42 May 06  2020 a.txt",
                listing("LIST", "-la /pub").get(0));
        assertEquals(List.of("type=cdir;modify=" + ListingFormatter.timestamp(server.modifiedTime("/pub"))
                        + ";perm=flcdmpe; .", "type=file;size=42;modify=20200506070809;perm=adfrw; a.txt"),
                listing("MLSD", "/pub").subList(0, 2));
        assertEquals(List.of("total 0", "garbage line", ""), listing("LIST", "/weird"));
        assertEquals(" type=file;size=42;modify=20200506070809;perm=adfrw; /pub/a.txt",
                reply(client, "MLST /pub/a.txt").split("\r\n")[1]);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private FTPClient connect() throws IOException {
        FTPClient client = new FTPClient();
        client.setConnectTimeout(5_000);
        client.setDefaultTimeout(5_000);
        client.setDataTimeout(Duration.ofSeconds(5));
        clients.add(client);
        client.connect(InetAddress.getLoopbackAddress(), server.port());
        return client;
    }

    private FTPClient login() throws IOException {
        FTPClient client = connect();
        assertTrue(client.login("ferry", "secret"));
        return client;
    }

    private static byte[] retrieve(FTPClient client, String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile(path, out), client.getReplyString());
        return out.toByteArray();
    }

    private static int restartThenRetrieveReply(FTPClient client, long offset) throws IOException {
        client.setRestartOffset(offset);
        assertNull(client.retrieveFileStream("/f.bin"));
        return client.getReplyCode();
    }

    private static String reply(FTPClient client, String command) throws IOException {
        client.sendCommand(command);
        return client.getReplyString().trim();
    }

    /** The raw lines a listing command sends over a passive data connection. */
    private List<String> listing(String verb, String argument) throws IOException {
        try (RawFtpControl control = new RawFtpControl(server.port()).login();
             Socket data = new Socket(InetAddress.getLoopbackAddress(), passivePort(control.command("PASV")))) {
            control.expect("150", verb + " " + argument);
            String text = new String(data.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(control.readReply().startsWith("226"));
            assertTrue(text.isEmpty() || text.endsWith("\r\n"), text);
            List<String> lines = new ArrayList<>(List.of(text.split("\r\n", -1)));
            lines.remove(lines.size() - 1); // what follows the last CRLF
            return lines;
        }
    }

    private static int passivePort(String reply) {
        Matcher m = Pattern.compile("\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)").matcher(reply);
        assertTrue(m.find(), reply);
        return Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6));
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }
}
