package org.ferryftp.ftp;

import org.ferryftp.session.TransferListener;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.testsupport.ScriptedServerFixture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A passive upload sends its data as soon as the data connection is up and reads the server's 150 after it, with
 * the 226 (issue 18: one wait less per file). The answer is still read, and a refusal still reported as such.
 */
class UploadStartReplyTest {

    @AutoClose
    final ScriptedServerFixture scripted = new ScriptedServerFixture();
    final ScriptedFtpServer server = scripted.server();
    final List<LogEntry> log = scripted.log();

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void aSmallFileGoesOutWithoutWaitingForThe150() throws Exception {
        // This server answers STOR only once the data is in: waiting for its 150 first would wait for ever. Files up
        // to what the socket buffers take go before the 150 is read (larger ones wait for it after that much).
        server.answersUploadAfterData();
        byte[] small = bytes(4096);
        byte[] limit = bytes(DataTransfers.EARLY_UPLOAD_BYTES);
        try (FtpSession s = scripted.connect()) {
            assertEquals(4096, s.upload("/a.bin", new ByteArrayInputStream(small), 0, TransferListener.NONE));
            assertEquals(limit.length, s.upload("/b.bin", new ByteArrayInputStream(limit), 0, TransferListener.NONE));
            assertEquals(200, s.noop().code(), "replies stay in step");
        }
        assertArrayEquals(small, server.file("/a.bin"));
        assertArrayEquals(limit, server.file("/b.bin"));
        List<String> texts = log.stream().map(LogEntry::text).toList();
        assertEquals(2, texts.stream().filter(t -> t.startsWith("150")).count(), "both 150s read: " + texts);
    }

    @Test
    void aLargeFileReadsThe150AfterItsFirstBytesAndArrivesWhole() throws Exception {
        byte[] large = bytes(3 * 1024 * 1024 + 17);
        try (FtpSession s = scripted.connect()) {
            assertEquals(large.length, s.upload("/big.bin", new ByteArrayInputStream(large), 0,
                    TransferListener.NONE));
            assertEquals(200, s.noop().code(), "replies stay in step");
        }
        assertArrayEquals(large, server.file("/big.bin"));
    }

    @Test
    void aRefusedUploadIsReportedAsTheRefusalAndTheSessionStaysInStep() throws Exception {
        byte[] data = bytes(64 * 1024);
        try (FtpSession s = scripted.connect()) {
            s.upload("/first.bin", new ByteArrayInputStream(data), 0, TransferListener.NONE); // EPSV now pipelined
            FtpRefusedException e = assertThrows(FtpRefusedException.class,
                    () -> s.upload("/no/such/dir/x.bin", new ByteArrayInputStream(data), 0, TransferListener.NONE));
            assertEquals(553, e.reply().code(), e.getMessage());
            assertTrue(e.getMessage().contains("STOR /no/such/dir/x.bin"), e.getMessage());
            s.upload("/after.bin", new ByteArrayInputStream(data), 0, TransferListener.NONE);
            assertEquals(200, s.noop().code());
        }
        assertArrayEquals(data, server.file("/after.bin"));
    }

    @Test
    void aLargeUploadRefusedByAServerThatNeverReadsItsConnectionIsReportedAsTheRefusal() throws Exception {
        // vsftpd answers 553 and leaves the connection queued unread: a socket write has no timeout, so sending the
        // whole file before reading that answer blocked for good (found by hand: a 32 MiB put into a read-only folder).
        server.keepsListenerOnRefusedStore();
        byte[] data = bytes(32 * 1024 * 1024);
        try (FtpSession s = scripted.connect()) {
            FtpRefusedException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                    FtpRefusedException.class, () -> s.upload("/no/such/dir/big.bin", new ByteArrayInputStream(data),
                            0, TransferListener.NONE)));
            assertEquals(553, e.reply().code(), e.getMessage());
            assertEquals(200, s.noop().code(), "replies stay in step");
            assertEquals(4096, s.upload("/after.bin", new ByteArrayInputStream(data, 0, 4096), 0,
                    TransferListener.NONE));
        }
    }

    @Test
    void aCancelBeforeThe150WasReadStillReadsItAndStaysInStep() throws Exception {
        byte[] data = bytes(8 * 1024 * 1024);
        try (FtpSession s = scripted.connect()) {
            s.upload("/first.bin", new ByteArrayInputStream(data, 0, 1000), 0, TransferListener.NONE);
            InputStream cancelling = new ByteArrayInputStream(data) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    if (pos >= 1024 * 1024) {
                        s.abort();
                    }
                    return super.read(b, off, Math.min(len, 64 * 1024));
                }
            };
            assertThrows(TransferAbortedException.class,
                    () -> s.upload("/big.bin", cancelling, 0, TransferListener.NONE));
            assertEquals(200, s.noop().code(), "replies stay in step");
            assertEquals(1000, s.upload("/after.bin", new ByteArrayInputStream(data, 0, 1000), 0,
                    TransferListener.NONE));
        }
    }
}
