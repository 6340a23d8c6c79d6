package org.ferryftp.transfer;

import org.ferryftp.ftp.DataConnectionException;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpSettingException;
import org.ferryftp.ftp.FtpTimeoutException;
import org.ferryftp.ftp.TransferAbortedException;
import org.ferryftp.ftp.UnsafeArgumentException;
import org.ferryftp.ftp.UntrustedCertificateException;
import org.ferryftp.session.SessionException;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.FileSystemException;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * When a failed transfer is tried again, and after how long.
 *
 * <p>Delays grow exponentially from {@code initialDelay} (doubling) up to {@code maxDelay}, then are spread by
 * ±{@code jitter} (a fraction) so that many transfers failing together against one server do not all
 * reconnect at the same instant.
 *
 * <p>Retried: failures that a new attempt can plausibly cure — a lost or out-of-step connection (FTP or SFTP), timeouts,
 * broken data connections, and 4xx refusals, which RFC 959 defines as transient (421 closing, 425/426 data
 * connection, 450/451/452 busy or local error). Never retried: 5xx refusals (permanent by definition),
 * settings this server cannot honour, unsafe names, SFTP refusals (a status, a host key not trusted, a login
 * refused), cancellation by the user, local file-system errors (a
 * missing file or a denied permission will fail the same way again), a full local disk (ENOSPC, which Java
 * reports as a plain IOException), interruption, and anything unknown.
 *
 * @param maxAttempts  attempts in total, the first one included (1 = never retry)
 * @param initialDelay delay before the second attempt, before jitter
 * @param maxDelay     cap on the delay, before jitter
 * @param jitter       spread as a fraction of the delay, 0 to 1
 * @param random       jitter source; inject a seeded one in tests
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter, Random random) {

    /** ENOSPC and EDQUOT as Linux and macOS word them, and Windows' ERROR_DISK_FULL. */
    private static final java.util.regex.Pattern DISK_FULL = java.util.regex.Pattern.compile(
            "No space left on device|Disk quota exceeded|not enough space on the disk",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(random, "random");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
        }
    }

    /** FileZilla-like defaults: 5 attempts, 2 s doubling to at most 60 s, ±20 %. */
    public static RetryPolicy defaults(Random random) {
        return new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(60), 0.2, random);
    }

    /** The same policy with another attempt limit (the user's setting). */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialDelay, maxDelay, jitter, random);
    }

    /**
     * How long to wait before attempt number {@code attempt} (1-based): zero for the first attempt, then
     * initialDelay, 2 × initialDelay, … capped at maxDelay, with jitter applied.
     */
    public Duration delayBefore(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1: " + attempt);
        }
        if (attempt == 1) {
            return Duration.ZERO;
        }
        double base = initialDelay.toNanos();
        double cap = maxDelay.toNanos();
        // attempt - 2 doublings; past 62 the cap has long been reached, and this avoids overflow.
        double delay = Math.min(cap, base * Math.pow(2, Math.min(attempt - 2, 62)));
        double factor;
        synchronized (random) { // java.util.Random is thread-safe, but subclasses used in tests may not be
            factor = 1 + jitter * (2 * random.nextDouble() - 1);
        }
        return Duration.ofNanos(Math.round(delay * factor));
    }

    /** True when {@code failure} is retryable and attempt number {@code attemptsMade} was not the last allowed. */
    public boolean shouldRetry(Throwable failure, int attemptsMade) {
        return attemptsMade < maxAttempts && isRetryable(failure);
    }

    /** Whether another attempt could plausibly succeed; see the class comment for the rules. */
    public boolean isRetryable(Throwable failure) {
        if (isDiskFull(failure)) {
            return false;
        }
        // A local file-system error anywhere in the chain decides: retrying cannot fix the local disk.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException || t instanceof InterruptedException) {
                return false;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (failure instanceof TransferAbortedException
                || failure instanceof UnsafeArgumentException
                || failure instanceof UntrustedCertificateException
                || failure instanceof FtpSettingException) {
            return false;
        }
        if (failure instanceof FtpRefusedException refused) {
            if (refused.isConnectionBroken()) {
                return true;
            }
            int code = refused.reply().code();
            return code >= 400 && code < 500;
        }
        if (failure instanceof DataConnectionException || failure instanceof FtpTimeoutException) {
            return true;
        }
        if (failure instanceof FtpException ftp) {
            return ftp.isConnectionBroken();
        }
        if (failure instanceof SessionException session) {
            // Any protocol: a lost connection may come back; a refusal (an SFTP status, a host key not trusted,
            // a login refused) will not.
            return session.isConnectionBroken();
        }
        // Socket trouble outside the engine (e.g. while connecting) is as transient as inside it.
        return failure instanceof SocketException || failure instanceof SocketTimeoutException;
    }

    /**
     * Whether {@code failure} comes from a full local disk or quota. Java reports ENOSPC from a write as a
     * plain IOException (not a FileSystemException) whose message is the system's, so the message decides.
     * The engine's own exceptions are skipped: a server's "452 No space left on device" is the server's state.
     */
    public static boolean isDiskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException && !(t instanceof FtpException) && t.getMessage() != null
                    && DISK_FULL.matcher(t.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }
}
