package org.ferryftp.transfer;

import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.TypeOverride;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;
import org.ferryftp.sftp.SftpSession;
import org.ferryftp.sftp.SshLogin;
import org.ferryftp.sftp.SharedSshClient;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Opens a site as its endpoint says: an {@link FtpSession} for FTP and FTPS, an {@link SftpSession} on the
 * application's shared SSH client for SFTP; both log to the same session log.
 */
public final class StandardSessions implements SessionFactory {

    private final LogListener log;
    private final SharedSshClient ssh;
    private final Clock clock;
    private volatile TypeOverride typeOverride = TypeOverride.AUTO;
    /** Numbers SFTP connections in the log, as FTP sessions number theirs. */
    private final AtomicInteger sftpNumbers = new AtomicInteger();

    /** @param ssh the application's SSH client, which it closes at exit */
    public StandardSessions(LogListener log, SharedSshClient ssh) {
        this(log, ssh, Clock.systemUTC());
    }

    /**
     * Sessions whose SFTP ones each start an SSH client of their own, stopped when they close: for tests and runs
     * that open a session or two. An application shares one client ({@link #StandardSessions(LogListener,
     * SharedSshClient)}).
     */
    public StandardSessions(LogListener log) {
        this(log, null, Clock.systemUTC());
    }

    /**
     * The transfer type every FTP transfer uses from now on, on open sessions too (Transfer → Transfer type);
     * AUTO keeps each site's own.
     */
    public void useTypeOverride(TypeOverride type) {
        typeOverride = type == null ? TypeOverride.AUTO : type;
    }

    private StandardSessions(LogListener log, SharedSshClient ssh, Clock clock) {
        this.log = log;
        this.ssh = ssh;
        this.clock = clock;
    }

    @Override
    public RemoteSession open(SiteRef site) throws SessionException {
        if (site.endpoint() instanceof SiteEndpoint.Sftp sftp) {
            return openSftp(sftp);
        }
        FtpSession session = new FtpSession(((SiteEndpoint.Ftp) site.endpoint()).settings(), log, () -> typeOverride);
        session.connect(); // logs its own failure
        return session;
    }

    private SftpSession openSftp(SiteEndpoint.Sftp sftp) throws SessionException {
        String connection = sftp.label() + "#s" + sftpNumbers.incrementAndGet();
        Consumer<String> lines = line -> log.log(new LogEntry(clock.instant(), connection, LogEntry.Direction.INFO,
                line));
        SftpSession session = new SftpSession(ssh == null ? SshLogin.withOwnClient(sftp.settings(), lines)
                : new SshLogin(sftp.settings(), ssh, lines), lines);
        try {
            session.connect();
        } catch (SessionException e) {
            // As FTP's log does: else it ends before the failure and says nothing of why (refused, no such host,
            // login refused). The message is SshLogin's one line, which names no secret.
            log.log(new LogEntry(clock.instant(), connection, LogEntry.Direction.ERROR, e.getMessage()));
            throw e;
        }
        return session;
    }
}
