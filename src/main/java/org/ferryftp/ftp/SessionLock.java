package org.ferryftp.ftp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A session's lock, which lets its operations run one at a time, and the time of its last command,
 * so that keep-alive NOOPs go out on idle sessions only and never wait for a busy one.
 */
final class SessionLock {

    @FunctionalInterface
    interface Op<T> {
        T run() throws FtpException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ControlChannel control;
    private final Clock clock;
    private volatile Instant lastActivity;

    SessionLock(ControlChannel control, Clock clock) {
        this.control = control;
        this.clock = clock;
        this.lastActivity = clock.instant();
    }

    /** Runs {@code op} while no other operation of the session runs. */
    <T> T locked(Op<T> op) throws FtpException {
        lock.lock();
        try {
            T result = op.run();
            lastActivity = clock.instant();
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Sends a command and checks its reply code. */
    FtpReply expect(String verb, String arg, int... okCodes) throws FtpException {
        FtpReply r = control.exchange(verb, arg);
        lastActivity = clock.instant();
        for (int ok : okCodes) {
            if (r.code() == ok) {
                return r;
            }
        }
        throw new FtpRefusedException(verb + (arg == null ? "" : " " + arg), r);
    }

    /** Sends a command and returns its reply, whatever its code. */
    FtpReply exchange(String verb, String arg) throws FtpException {
        FtpReply r = control.exchange(verb, arg);
        lastActivity = clock.instant();
        return r;
    }

    /**
     * Sends commands (verb, argument pairs) in one write and reads all their replies, in order, whatever their
     * codes.
     */
    FtpReply[] exchangePipelined(String... verbsAndArguments) throws FtpException {
        control.sendPipelined(verbsAndArguments);
        FtpReply[] replies = new FtpReply[verbsAndArguments.length / 2];
        for (int i = 0; i < replies.length; i++) {
            replies[i] = control.readReply(verbsAndArguments[2 * i]);
        }
        lastActivity = clock.instant();
        return replies;
    }

    /** Sends commands (verb, argument pairs) in one write; their replies are read later, in order, with {@link #readReply}. */
    void sendPipelined(String... verbsAndArguments) throws FtpException {
        control.sendPipelined(verbsAndArguments);
        lastActivity = clock.instant();
    }

    /** Reads the next reply, to a command sent earlier. */
    FtpReply readReply(String waitingFor) throws FtpException {
        return control.readReply(waitingFor);
    }

    void sendOnly(String verb, String arg) throws FtpException {
        control.sendOnly(verb, arg);
        lastActivity = clock.instant();
    }

    /** Sends NOOP when the session has been idle for {@code idle}; does nothing when it is busy. */
    boolean keepAliveIfIdle(Duration idle) throws FtpException {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            if (!control.isConnected() || lastActivity.plus(idle).isAfter(clock.instant())) {
                return false;
            }
            expect("NOOP", null, 200);
            lastActivity = clock.instant();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Says goodbye (QUIT) briefly, once the running operation is over, and closes the connection. */
    void quit() {
        lock.lock();
        try {
            if (control.isConnected()) {
                try {
                    control.exchange("QUIT", null, 2000);
                } catch (IOException ignored) {
                    // Closing anyway.
                }
            }
            control.closeQuietly();
        } finally {
            lock.unlock();
        }
    }
}
