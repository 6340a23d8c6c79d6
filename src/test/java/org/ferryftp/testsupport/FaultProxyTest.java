package org.ferryftp.testsupport;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultProxyTest {

    static final byte[] UP = bytes(300_000, 1);
    static final byte[] DOWN = bytes(500_000, 2);

    @TempDir
    Path root;

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A peer that receives everything the client sends while it sends {@code DOWN}, then closes. */
    static final class Peer implements AutoCloseable {
        final ServerSocket socket;
        final CompletableFuture<byte[]> received = new CompletableFuture<>();

        Peer() throws IOException {
            socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                try (Socket s = socket.accept()) {
                    CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> readAll(s));
                    try {
                        s.getOutputStream().write(DOWN);
                        s.shutdownOutput();
                    } catch (IOException e) {
                        // cut while sending
                    }
                    received.complete(reading.get(20, TimeUnit.SECONDS));
                } catch (Exception e) {
                    received.completeExceptionally(e);
                }
            });
            t.setDaemon(true);
            t.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** What arrived until the end of the stream or a reset. */
    static byte[] readAll(Socket s) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                got.write(buf, 0, n);
            }
        } catch (IOException e) {
            // reset: what arrived is what counts
        }
        return got.toByteArray();
    }

    /** Sends UP (as far as it gets), reads everything back; returns what the client received. */
    static byte[] exchange(FaultProxy proxy) throws Exception {
        try (Socket s = new Socket(proxy.host(), proxy.port())) {
            CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> readAll(s));
            try {
                OutputStream out = s.getOutputStream();
                out.write(UP);
                s.shutdownOutput();
            } catch (SocketException e) {
                // cut while sending
            }
            return reading.get(20, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void forwardsBothWaysByteIdenticalAndCountsTheBytes(boolean rewriting) throws Exception {
        try (Peer peer = new Peer(); FaultProxy proxy = rewriting ? FaultProxy.forwarding(peer.address(), Fault.NONE)
                : FaultProxy.controlOnly(peer.address(), Fault.NONE)) {
            assertArrayEquals(DOWN, exchange(proxy));
            assertArrayEquals(UP, peer.received.get(20, TimeUnit.SECONDS));
            FaultProxy.ConnectionStats stats = proxy.connections().get(0);
            assertEquals(new FaultProxy.ConnectionStats(Fault.Channel.CONTROL, 1, UP.length, DOWN.length, false), stats);
            assertFalse(proxy.fired());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 4095, 16_384, 123_457})
    void cutsTheDownstreamAfterExactlyNBytesWithAClose(long n) throws Exception {
        try (Peer peer = new Peer(); FaultProxy proxy = FaultProxy.controlOnly(peer.address(),
                Fault.cut(Fault.Channel.CONTROL, Fault.Direction.TO_CLIENT, n, false))) {
            byte[] got = exchange(proxy);
            assertEquals(n, got.length);
            assertArrayEquals(java.util.Arrays.copyOf(DOWN, (int) n), got);
            assertTrue(proxy.fired());
            assertEquals(n, proxy.connections().get(0).toClient());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 65_536, 299_999})
    void cutsTheUpstreamAfterExactlyNBytesWithAClose(long n) throws Exception {
        try (Peer peer = new Peer(); FaultProxy proxy = FaultProxy.controlOnly(peer.address(),
                Fault.cut(Fault.Channel.CONTROL, Fault.Direction.TO_SERVER, n, false))) {
            exchange(proxy);
            byte[] got = peer.received.get(20, TimeUnit.SECONDS);
            assertArrayEquals(java.util.Arrays.copyOf(UP, (int) n), got);
            assertEquals(n, proxy.connections().get(0).toServer());
        }
    }

    @Test
    void aResetCutSendsTcpResetsToBothSides() throws Exception {
        try (Peer peer = new Peer(); FaultProxy proxy = FaultProxy.controlOnly(peer.address(),
                Fault.cut(Fault.Channel.CONTROL, Fault.Direction.TO_CLIENT, 10_000, true))) {
            try (Socket s = new Socket(proxy.host(), proxy.port())) {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[8192];
                long total = 0;
                IOException reset = null;
                try {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        total += n;
                    }
                } catch (IOException e) {
                    reset = e;
                }
                assertTrue(reset != null && reset.getMessage().contains("reset"), "reset, not a clean end: " + reset);
                assertTrue(total <= 10_000, total + " bytes");
            }
            assertEquals(10_000, proxy.connections().get(0).toClient());
        }
    }

    @Test
    void aStallKeepsTheConnectionOpenAndSilent() throws Exception {
        try (Peer peer = new Peer(); FaultProxy proxy = FaultProxy.controlOnly(peer.address(),
                Fault.stall(Fault.Channel.CONTROL, Fault.Direction.TO_CLIENT, 1000))) {
            try (Socket s = new Socket(proxy.host(), proxy.port())) {
                s.setSoTimeout(500);
                InputStream in = s.getInputStream();
                assertArrayEquals(java.util.Arrays.copyOf(DOWN, 1000), in.readNBytes(1000));
                assertThrows(java.net.SocketTimeoutException.class, in::read, "no byte and no end while stalled");
            }
            assertTrue(proxy.fired());
        }
    }

    FTPClient login(FaultProxy proxy, boolean epsv) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.setDefaultTimeout(10_000);
        ftp.connect(proxy.host(), proxy.port());
        assertTrue(ftp.login(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD));
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        ftp.setUseEPSVwithIPv4(epsv);
        ftp.enterLocalPassiveMode();
        return ftp;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rewritesPasvAndEpsvRepliesSoDataConnectionsPassThroughTheProxy(boolean epsv) throws Exception {
        try (EmbeddedMinaServer mina = new EmbeddedMinaServer(root);
             FaultProxy proxy = FaultProxy.forwarding(new InetSocketAddress("127.0.0.1", mina.port()), Fault.NONE)) {
            mina.write("down.bin", DOWN);
            FTPClient ftp = login(proxy, epsv);
            try {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                assertTrue(ftp.retrieveFile("down.bin", got), ftp.getReplyString());
                assertArrayEquals(DOWN, got.toByteArray());
                assertTrue(ftp.storeFile("up.bin", new java.io.ByteArrayInputStream(UP)), ftp.getReplyString());
                String reply = ftp.getReplyString();
                assertTrue(reply.startsWith("226"), reply);
            } finally {
                ftp.disconnect();
            }
            assertArrayEquals(UP, java.nio.file.Files.readAllBytes(mina.file("up.bin")));
            var data = proxy.connections().stream().filter(c -> c.channel() == Fault.Channel.DATA).toList();
            assertEquals(2, data.size(), proxy.connections().toString());
            assertEquals(DOWN.length, data.get(0).toClient());
            assertEquals(UP.length, data.get(1).toServer());
        }
    }

    @Test
    void cutsADataConnectionAfterExactlyNBytes() throws Exception {
        try (EmbeddedMinaServer mina = new EmbeddedMinaServer(root);
             FaultProxy proxy = FaultProxy.forwarding(new InetSocketAddress("127.0.0.1", mina.port()),
                     Fault.cut(Fault.Channel.DATA, Fault.Direction.TO_CLIENT, 200_001, false))) {
            mina.write("down.bin", DOWN);
            FTPClient ftp = login(proxy, false);
            try (InputStream in = ftp.retrieveFileStream("down.bin")) {
                byte[] got = in.readAllBytes();
                assertArrayEquals(java.util.Arrays.copyOf(DOWN, 200_001), got);
            } finally {
                ftp.disconnect();
            }
            assertTrue(proxy.fired());
        }
    }

    @Test
    void cutsAnUploadsDataConnectionAfterExactlyNBytesOverEpsv() throws Exception {
        try (EmbeddedMinaServer mina = new EmbeddedMinaServer(root);
             FaultProxy proxy = FaultProxy.forwarding(new InetSocketAddress("127.0.0.1", mina.port()),
                     Fault.cut(Fault.Channel.DATA, Fault.Direction.TO_SERVER, 77_777, false))) {
            FTPClient ftp = login(proxy, true);
            try {
                ftp.storeFile("up.bin", new java.io.ByteArrayInputStream(UP));
            } catch (IOException e) {
                // the cut may break the client's write before the reply
            } finally {
                ftp.disconnect();
            }
            Path stored = mina.file("up.bin");
            // MINA writes the file after the cut.
            FileWatch.awaitSize(stored, 77_777, java.time.Duration.ofSeconds(10));
            assertArrayEquals(java.util.Arrays.copyOf(UP, 77_777), java.nio.file.Files.readAllBytes(stored));
            assertEquals(77_777, proxy.connections().stream().filter(c -> c.channel() == Fault.Channel.DATA)
                    .findFirst().orElseThrow().toServer());
        }
    }
}
