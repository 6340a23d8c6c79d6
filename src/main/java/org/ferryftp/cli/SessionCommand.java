package org.ferryftp.cli;

import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.Timeouts;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** Base of subcommands that talk to one server: builds the session from the URL and options. */
abstract class SessionCommand implements Callable<Integer> {

    @ParentCommand
    FerryCommand root;

    @Mixin
    ProtocolOptions options;

    /** Opens a logged-in session for {@code url}; the password may come from FERRY_PASSWORD. */
    FtpSession open(FtpUrl url) throws Exception {
        SessionSettings settings = SessionSettings.of(url.host(), url.port(), credentials(url))
                .withCharset(options.charsetPolicy())
                .withData(options.dataSettings())
                .withRepresentation(options.representation())
                .withTimeouts(Timeouts.ofSeconds(options.timeoutSeconds, options.timeoutSeconds,
                        options.timeoutSeconds * 2));
        LogListener log = options.log ? entry -> root.err.println(entry.format()) : LogListener.NONE;
        FtpSession session = new FtpSession(settings, log);
        session.connect();
        return session;
    }

    private Credentials credentials(FtpUrl url) {
        if (url.user() == null) {
            return Credentials.anonymous();
        }
        String password = url.password() != null ? url.password() : root.env.get("FERRY_PASSWORD");
        return new Credentials(url.user(), password, root.env.get("FERRY_ACCOUNT"));
    }

    @Override
    public final Integer call() throws Exception {
        run();
        return 0;
    }

    abstract void run() throws Exception;
}
