package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.LocalBrowser;
import org.ferryftp.fs.RemoteBrowser;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** Local disk, or a {@link RemoteBrowser} on its own logged-in browsing connection. */
public final class StandardBrowserFactory implements BrowserFactory {

    private final LogListener log;
    private final AtomicInteger connections = new AtomicInteger();

    public StandardBrowserFactory(LogListener log) {
        this.log = log;
    }

    @Override
    public FileBrowser open(Source source) throws IOException {
        if (source.isLocal()) {
            return new LocalBrowser();
        }
        SiteRef site = source.site();
        return new RemoteBrowser(site.name(), () -> {
            String label = site.settings().credentials().user() + "@" + site.settings().address()
                    + "#b" + connections.incrementAndGet();
            FtpSession session = new FtpSession(site.settings(), label, log);
            session.connect();
            return session;
        });
    }
}
