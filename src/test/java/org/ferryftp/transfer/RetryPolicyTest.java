package org.ferryftp.transfer;

import org.ferryftp.ftp.DataConnectionException;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpProtocolException;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpReply;
import org.ferryftp.ftp.FtpSettingException;
import org.ferryftp.ftp.FtpTimeoutException;
import org.ferryftp.ftp.TransferAbortedException;
import org.ferryftp.ftp.UnsafeArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    /** Random whose nextDouble is fixed, so jitter is exactly known. */
    static Random fixed(double value) {
        return new Random() {
            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    static RetryPolicy policy(double jitter, Random random) {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), jitter, random);
    }

    static FtpRefusedException refused(int code) {
        return new FtpRefusedException("STOR x", new FtpReply(code, List.of(code + " no")));
    }

    @Test
    void delaysDoubleUpToTheCap() {
        RetryPolicy p = policy(0, new Random(1));
        assertEquals(Duration.ZERO, p.delayBefore(1));
        assertEquals(Duration.ofSeconds(1), p.delayBefore(2));
        assertEquals(Duration.ofSeconds(2), p.delayBefore(3));
        assertEquals(Duration.ofSeconds(4), p.delayBefore(4));
        assertEquals(Duration.ofSeconds(8), p.delayBefore(5));
        assertEquals(Duration.ofSeconds(10), p.delayBefore(6));
        assertEquals(Duration.ofSeconds(10), p.delayBefore(1000));
        assertThrows(IllegalArgumentException.class, () -> p.delayBefore(0));
    }

    @Test
    void jitterSpreadsBothWays() {
        assertEquals(Duration.ofMillis(1600), policy(0.2, fixed(0.0)).delayBefore(3)); // 2 s − 20 %
        assertEquals(Duration.ofMillis(2400), policy(0.2, fixed(1.0)).delayBefore(3)); // 2 s + 20 %
        assertEquals(Duration.ofSeconds(2), policy(0.2, fixed(0.5)).delayBefore(3));
        assertEquals(Duration.ofSeconds(12), policy(0.2, fixed(1.0)).delayBefore(9)); // cap, then jitter
    }

    @Test
    void seededJitterVariesWithinItsBounds() {
        RetryPolicy p = policy(0.5, new Random(42));
        Duration first = p.delayBefore(2);
        Duration second = p.delayBefore(2);
        assertNotEquals(first, second);
        for (int i = 0; i < 100; i++) {
            long ms = p.delayBefore(2).toMillis();
            assertTrue(ms >= 500 && ms <= 1500, "out of bounds: " + ms);
        }
    }

    @Test
    void attemptsAreCounted() {
        RetryPolicy p = policy(0, new Random()).withMaxAttempts(3);
        FtpTimeoutException timeout = new FtpTimeoutException("timed out", null);
        assertTrue(p.shouldRetry(timeout, 1));
        assertTrue(p.shouldRetry(timeout, 2));
        assertFalse(p.shouldRetry(timeout, 3));
        assertFalse(p.withMaxAttempts(1).shouldRetry(timeout, 1));
        assertThrows(IllegalArgumentException.class, () -> p.withMaxAttempts(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {421, 425, 426, 450, 451, 452})
    void transientRefusalsAreRetried(int code) {
        assertTrue(policy(0, new Random()).isRetryable(refused(code)));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 501, 502, 530, 550, 553})
    void permanentRefusalsAreNot(int code) {
        assertFalse(policy(0, new Random()).isRetryable(refused(code)));
    }

    @Test
    void brokenConnectionsAndTimeoutsAreRetried() {
        RetryPolicy p = policy(0, new Random());
        assertTrue(p.isRetryable(new FtpTimeoutException("no reply", new SocketTimeoutException())));
        assertTrue(p.isRetryable(new DataConnectionException("reset", new IOException(), true)));
        assertTrue(p.isRetryable(new DataConnectionException("reset", new IOException(), false)));
        assertTrue(p.isRetryable(new FtpException("connection lost")));
        assertTrue(p.isRetryable(new FtpProtocolException("garbled reply")));
        assertTrue(p.isRetryable(new ConnectException("refused")));
        assertTrue(p.isRetryable(new SocketTimeoutException()));
    }

    @Test
    void userCancelSettingsAndUnsafeNamesAreNotRetried() {
        RetryPolicy p = policy(0, new Random());
        assertFalse(p.isRetryable(new TransferAbortedException("cancelled", true)));
        assertFalse(p.isRetryable(new TransferAbortedException("cancelled", false)));
        assertFalse(p.isRetryable(new FtpSettingException("no MODE Z")));
        assertFalse(p.isRetryable(new UnsafeArgumentException("CR in name")));
        assertFalse(p.isRetryable(new InterruptedException()));
    }

    @Test
    void localFileSystemErrorsAreNotRetried() {
        RetryPolicy p = policy(0, new Random());
        assertFalse(p.isRetryable(new NoSuchFileException("/tmp/gone")));
        assertFalse(p.isRetryable(new AccessDeniedException("/root/x")));
        // Even when the engine wraps one in a connection-level failure.
        assertFalse(p.isRetryable(new DataConnectionException("write failed", new AccessDeniedException("/x"), true)));
        assertFalse(p.isRetryable(new IOException("something unknown")));
        assertFalse(p.isRetryable(new IllegalStateException("bug")));
    }

    @Test
    void aFullLocalDiskIsNotRetried() {
        RetryPolicy p = policy(0, new Random());
        // What FileChannel.write throws on ENOSPC: a plain IOException, not a FileSystemException.
        IOException enospc = new IOException("No space left on device");
        assertTrue(RetryPolicy.isDiskFull(enospc));
        assertFalse(p.isRetryable(enospc));
        // As the engine reports a local write that failed during a download.
        DataConnectionException wrapped = new DataConnectionException(
                "download of /f failed after 65536 bytes: No space left on device", enospc, true);
        assertTrue(RetryPolicy.isDiskFull(wrapped));
        assertFalse(p.isRetryable(wrapped));
        assertFalse(p.isRetryable(new IOException("Disk quota exceeded")));
        assertFalse(p.isRetryable(new IOException("There is not enough space on the disk")));
        // A broken connection is still worth another attempt, and a server's own 452 is the server's business.
        assertFalse(RetryPolicy.isDiskFull(new DataConnectionException("reset", new IOException("Connection reset"), true)));
        FtpRefusedException serverFull = new FtpRefusedException("STOR x",
                new FtpReply(452, List.of("452 No space left on device")));
        assertFalse(RetryPolicy.isDiskFull(serverFull));
        assertTrue(p.isRetryable(serverFull));
    }

    /** vsftpd answers "500 OOPS: ..." when its session process has died, then closes: that is a lost connection. */
    @Test
    void vsftpdsFatalOopsReplyIsALostSessionAndIsRetried() {
        RetryPolicy policy = RetryPolicy.defaults(new java.util.Random(1));
        FtpRefusedException oops = new FtpRefusedException("SIZE x",
                new FtpReply(500, List.of("500 OOPS: priv_sock_send_cmd")));
        org.junit.jupiter.api.Assertions.assertTrue(oops.isConnectionBroken());
        org.junit.jupiter.api.Assertions.assertTrue(policy.isRetryable(oops));
        org.junit.jupiter.api.Assertions.assertFalse(policy.isRetryable(refused(500)), "other 5xx stay permanent");
        org.junit.jupiter.api.Assertions.assertFalse(refused(550).isConnectionBroken());
    }
}
