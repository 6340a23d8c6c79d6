package org.ferryftp.testsupport;

import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.Timeouts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ScriptedFtpServer} for one test, and Ferry sessions to it that keep their protocol log in {@link #log()}.
 * Made with the test's instance and closed after the test:
 * {@code @AutoClose final ScriptedServerFixture scripted = new ScriptedServerFixture();}.
 */
public final class ScriptedServerFixture implements AutoCloseable {

    /** 2 s to connect, 1 s for a reply or data: a server that stops answering fails the test in about a second. */
    private static final Timeouts SHORT_TIMEOUTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofSeconds(1));

    private final ScriptedFtpServer server;
    private final List<LogEntry> log = new CopyOnWriteArrayList<>();

    public ScriptedServerFixture() {
        try {
            server = new ScriptedFtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the scripted server", e);
        }
    }

    public ScriptedFtpServer server() {
        return server;
    }

    /** What the sessions made here logged, in order. */
    public List<LogEntry> log() {
        return log;
    }

    /** Settings for a session to the server as {@code credentials}, with {@link #SHORT_TIMEOUTS}. */
    public SessionSettings settings(Credentials credentials) {
        return SessionSettings.of("127.0.0.1", server.port(), credentials).withTimeouts(SHORT_TIMEOUTS);
    }

    /** A session with {@code settings}, connected and logged in, logging into {@link #log()}. */
    public FtpSession connect(SessionSettings settings) throws FtpException {
        return server.connect(settings, log::add);
    }

    /** A session as {@code ferry}/{@code secret} (the server's default login) with {@link #settings}. */
    public FtpSession connect() throws FtpException {
        return connect(settings(Credentials.of("ferry", "secret")));
    }

    @Override
    public void close() {
        server.close();
    }
}
