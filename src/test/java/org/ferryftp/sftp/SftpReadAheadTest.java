package org.ferryftp.sftp;

import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.ferryftp.session.TransferListener;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A download keeps the channel's window (8 MiB) in read requests in flight, each answered in one packet. */
class SftpReadAheadTest {

    static final int IN_FLIGHT = (int) (SharedSshClient.WINDOW / SftpSession.READ);

    @TempDir
    Path tmp;

    /**
     * The server's SFTP side, holding its first READ until the requests behind it reach {@code IN_FLIGHT - 1} (or
     * a deadline passes), and noting how many came.
     */
    static final class HoldingFirstRead extends SftpSubsystemFactory {
        final AtomicInteger behindFirst = new AtomicInteger(-1);
        /** The largest channel data the client lets the server send in one SSH packet. */
        final AtomicLong packetSize = new AtomicLong();

        @Override
        public Command createSubsystem(ChannelSession channel) {
            return new SftpSubsystem(channel, this) {
                @Override
                protected void doRead(Buffer buffer, int id) throws IOException {
                    if (behindFirst.get() < 0) {
                        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                        while (requests.size() < IN_FLIGHT - 1 && System.nanoTime() < deadline) {
                            LockSupport.parkNanos(1_000_000);
                        }
                        behindFirst.set(requests.size());
                        packetSize.set(getServerChannelSession().getRemoteWindow().getPacketSize());
                    }
                    super.doRead(buffer, id);
                }
            };
        }
    }

    @Test
    void aDownloadKeepsTheWindowInReadsInFlightEachAnsweredInOnePacket() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        byte[] data = new byte[IN_FLIGHT * SftpSession.READ + 1];
        new Random(16).nextBytes(data);
        Files.write(root.resolve("big.bin"), data);
        HoldingFirstRead sftp = new HoldingFirstRead();
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(root, EmbeddedSftpServer.newHostKey(),
                List.of(UserAuthPasswordFactory.INSTANCE), sftp)) {
            try (SftpSession s = server.passwordSession(tmp)) {
                s.connect();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                s.download("/big.bin", got, 0, TransferListener.NONE);
                assertArrayEquals(data, got.toByteArray());
            }
        }
        assertTrue(sftp.behindFirst.get() >= IN_FLIGHT - 1,
                "read requests waiting behind the first: " + sftp.behindFirst.get());
        assertTrue(sftp.packetSize.get() >= SftpSession.READ + 13, "the largest packet: " + sftp.packetSize.get()
                + " bytes; an answer is the data and 13 bytes of header");
    }

    /** The server's SFTP side, answering every READ with at most {@code limit} bytes, as a server may. */
    static final class ShortReads extends SftpSubsystemFactory {
        final int limit;

        ShortReads(int limit) {
            this.limit = limit;
        }

        @Override
        public Command createSubsystem(ChannelSession channel) {
            return new SftpSubsystem(channel, this) {
                @Override
                protected int doRead(int id, String handle, long offset, int length, byte[] data, int doff,
                                     AtomicReference<Boolean> eof) throws IOException {
                    return super.doRead(id, handle, offset, Math.min(length, limit), data, doff, eof);
                }
            };
        }
    }

    @Test
    void aServerAnsweringShortReadsGivesTheWholeFileFromAnyOffset() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        byte[] data = new byte[3 * SftpSession.READ + 12345];
        new Random(17).nextBytes(data);
        Files.write(root.resolve("f.bin"), data);
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(root, EmbeddedSftpServer.newHostKey(),
                List.of(UserAuthPasswordFactory.INSTANCE), new ShortReads(10_000))) {
            try (SftpSession s = server.passwordSession(tmp)) {
                s.connect();
                for (int offset : new int[] {0, 54321}) {
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    AtomicLong reported = new AtomicLong();
                    assertEquals(data.length - offset, s.download("/f.bin", got, offset, reported::set));
                    assertArrayEquals(Arrays.copyOfRange(data, offset, data.length), got.toByteArray(), "from " + offset);
                    assertEquals(data.length - offset, reported.get(), "the progress counts every byte");
                }
            }
        }
    }
}
