package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.ferryftp.ftp.ProxySettings;
import org.apache.commons.cli.Options;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.NoSuchDirectoryException;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;
import org.ferryftp.sftp.SftpSession;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.StandardSessions;

/** Base of subcommands that talk to one server: builds the session from the URL and options. */
abstract class SessionCommand implements Subcommand {

    @Override
    public Options options() {
        return new Options();
    }

    /** Opens a logged-in session for the endpoint; the password may come from FERRY_PASSWORD. */
    static RemoteSession open(Endpoint endpoint, CommandLine line, CliContext context) throws SessionException {
        return sessions(line, context).open(endpoint.ref(1));
    }

    /** Opens sessions of either protocol; with --log, their dialogue goes to stderr. */
    static SessionFactory sessions(CommandLine line, CliContext context) {
        return new StandardSessions(line.hasOption("log") ? entry -> context.err().println(entry.format())
                : LogListener.NONE);
    }

    /**
     * Fails with "no such directory" unless {@code path} is one. FTP's own probe knows its servers' quirks; SFTP
     * asks the server for the path's attributes.
     */
    static void requireDirectory(RemoteSession session, String path) throws SessionException {
        if (session instanceof FtpSession ftp) {
            ftp.requireDirectory(path);
        } else if (!session.isDirectory(path)) {
            throw new SessionException((session instanceof SftpSession sftp && sftp.exists(path)
                    ? "not a directory: " : "no such directory: ") + (path.isEmpty() ? "." : path), false);
        }
    }

    /**
     * True when {@code path} is a directory, false when it is a file; throws {@link NoSuchDirectoryException}
     * when it is neither. SIZE tells a file apart where MLST is not offered; without either, a path that is not a
     * directory is taken for a file, and downloading it will say whether it exists.
     */
    static boolean isDirectoryElseFile(RemoteSession remote, String path) throws SessionException {
        if (!(remote instanceof FtpSession session)) {
            if (remote.isDirectory(path)) {
                return true;
            }
            remote.size(path); // a missing path fails here
            return false;
        }
        try {
            session.requireDirectory(path);
            return true;
        } catch (NoSuchDirectoryException notADirectory) {
            if (notADirectory.isFile() || !session.features().has("SIZE")) {
                return false;
            }
            try {
                session.size(path);
                return false;
            } catch (FtpRefusedException notAFile) {
                throw notADirectory;
            }
        }
    }

    /** Session settings from the URL, the protocol options and the environment. */
    static SessionSettings settings(FtpUrl url, CommandLine line, CliContext context) throws java.io.IOException {
        // A URL goes through the preferences' default proxy, as the window's quick connect does.
        ProxySettings proxy = ProtocolOptions.proxyFor(url.host(), line, context.env(),
                context.saved()::defaultProxySettings);
        int timeout = ProtocolOptions.timeoutSeconds(line);
        return SessionSettings.of(url.host(), url.port(), credentials(url, context))
                .withCharset(ProtocolOptions.charset(line))
                .withData(ProtocolOptions.data(line))
                .withRepresentation(ProtocolOptions.representation(line))
                .withTls(ProtocolOptions.tls(url, line))
                .withTimeouts(Timeouts.ofSeconds(timeout, timeout, timeout * 2))
                .withProxy(proxy);
    }

    private static Credentials credentials(FtpUrl url, CliContext context) {
        if (url.user() == null) {
            return Credentials.anonymous();
        }
        String password = url.password() != null ? url.password() : context.env().get("FERRY_PASSWORD");
        return new Credentials(url.user(), password, context.env().get("FERRY_ACCOUNT"));
    }

    /** The URL or {@code site:} argument at {@code index}. */
    static Endpoint endpoint(CommandLine line, int index, CliContext context) throws java.io.IOException {
        return Endpoint.parse(line.getArgList().get(index), line, context);
    }
}
