package org.ferryftp.ftp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Fuzzes the control connection as Ferry reads it: whatever bytes a server sends go through
 * {@link ReplyLimitingReader} and Commons Net's reply parsing in a real {@link ControlChannel} over a
 * loopback socket, and each reply is handed to the reply-text parsers (FEAT, PASV, EPSV, 257 paths).
 * The only failure a server may cause is an {@link FtpException}; anything else fails the fuzz.
 */
class ReplyReaderFuzzTest {

    private static ServerSocket listener;
    private static ExecutorService serverThread;
    private static SessionSettings settings;

    @BeforeAll
    static void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serverThread = Executors.newSingleThreadExecutor();
        settings = SessionSettings.of("127.0.0.1", listener.getLocalPort(), Credentials.anonymous())
                .withTimeouts(Timeouts.ofSeconds(5, 5, 5));
    }

    @AfterAll
    static void stop() throws IOException {
        serverThread.shutdownNow();
        listener.close();
    }

    /** The server's whole side of the dialogue, as raw bytes (greeting first). */
    @FuzzTest
    void serverBytes(byte[] script) throws Exception {
        converse(script);
    }

    /**
     * Long lines and long multi-line replies: a prefix, then one fuzzed line repeated up to 100,000
     * times (past the 64 KiB line and 4 MiB reply bounds), then the rest.
     */
    @FuzzTest
    void repeatedLines(FuzzedDataProvider data) throws Exception {
        int repeats = data.consumeInt(0, 100_000);
        byte[] prefix = data.consumeBytes(data.consumeInt(0, 512));
        byte[] unit = data.consumeBytes(data.consumeInt(1, 128));
        byte[] rest = data.consumeRemainingAsBytes();
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        script.write(prefix);
        for (int i = 0; i < repeats && unit.length > 0; i++) {
            script.write(unit);
        }
        script.write(rest);
        converse(script.toByteArray());
    }

    private static void converse(byte[] script) throws Exception {
        Future<?> server = serverThread.submit(() -> serve(script));
        ControlChannel control = new ControlChannel(settings, null,
                new ProtocolLogBridge("fuzz", LogListener.NONE, Clock.systemUTC()));
        // Jazzer's SSRF detector would report the connection; this one is the test's own server.
        try (SilentCloseable ownServer = BugDetectors.allowNetworkConnections(
                (host, port) -> port == listener.getLocalPort())) {
            readReplyTexts(control.open());
            for (int i = 0; i < 8; i++) {
                readReplyTexts(control.exchange("NOOP", null));
            }
        } catch (FtpException expected) {
            // the documented failure: a message for the user, the connection closed
        } finally {
            control.closeQuietly();
        }
        server.get(10, TimeUnit.SECONDS);
    }

    /** What Ferry reads out of reply texts; each parser may refuse with FtpProtocolException only. */
    private static void readReplyTexts(FtpReply reply) {
        reply.oneLine();
        Features.parse(reply.lines()).supportsMachineListing();
        try {
            HostPort.parsePasv(reply);
        } catch (FtpProtocolException expected) {
            // not a PASV address
        }
        try {
            HostPort.parseEpsvPort(reply);
        } catch (FtpProtocolException expected) {
            // not an EPSV port
        }
        try {
            PathReplies.quotedPath(reply);
        } catch (FtpProtocolException expected) {
            // no quoted path
        }
    }

    /** Sends the script, ends the server's side and reads the client's commands until it hangs up. */
    private static Void serve(byte[] script) throws IOException {
        try (Socket s = listener.accept()) {
            s.setSoTimeout(10_000);
            try {
                OutputStream out = s.getOutputStream();
                out.write(script);
                out.flush();
                s.shutdownOutput();
            } catch (IOException clientHungUp) {
                // the client stopped reading (a bound it enforces): that is its right
                return null;
            }
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            try {
                while (in.read(buf) >= 0) {
                    // drain the client's commands
                }
            } catch (IOException reset) {
                // the client closed first
            }
        }
        return null;
    }
}
