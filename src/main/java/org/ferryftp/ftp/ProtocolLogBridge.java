package org.ferryftp.ftp;

import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;

import java.time.Clock;

/**
 * Turns Commons Net's command/reply events into {@link LogEntry}s, masking the arguments of PASS and
 * ACCT so secrets never reach a log pane or a file.
 */
final class ProtocolLogBridge implements ProtocolCommandListener {

    private final String connection;
    private final LogListener listener;
    private final Clock clock;

    ProtocolLogBridge(String connection, LogListener listener, Clock clock) {
        this.connection = connection;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public void protocolCommandSent(ProtocolCommandEvent event) {
        if (listener == LogListener.NONE) {
            return;
        }
        listener.log(new LogEntry(clock.instant(), connection, LogEntry.Direction.SENT,
                mask(stripLineEnd(event.getMessage()))));
    }

    @Override
    public void protocolReplyReceived(ProtocolCommandEvent event) {
        if (listener == LogListener.NONE) {
            return;
        }
        for (String line : stripLineEnd(event.getMessage()).split("\r\n")) {
            listener.log(new LogEntry(clock.instant(), connection, LogEntry.Direction.RECEIVED, line));
        }
    }

    void info(String text) {
        listener.log(new LogEntry(clock.instant(), connection, LogEntry.Direction.INFO, text));
    }

    void error(String text) {
        listener.log(new LogEntry(clock.instant(), connection, LogEntry.Direction.ERROR, text));
    }

    /** Masks the argument of commands that carry secrets. */
    static String mask(String commandLine) {
        return SecretMask.command(commandLine);
    }

    private static String stripLineEnd(String s) {
        String out = s;
        while (out.endsWith("\n") || out.endsWith("\r")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
