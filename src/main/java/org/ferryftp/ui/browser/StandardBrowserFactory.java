package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.LocalBrowser;
import org.ferryftp.fs.RemoteBrowser;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.transfer.SessionFactory;

import java.io.IOException;

/** Local disk, or a {@link RemoteBrowser} on its own logged-in browsing connection, FTP or SFTP. */
public final class StandardBrowserFactory implements BrowserFactory {

    private final SessionFactory sessions;

    public StandardBrowserFactory(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public FileBrowser open(Source source) throws IOException {
        if (source.isLocal()) {
            return new LocalBrowser();
        }
        SiteRef site = source.site();
        return new RemoteBrowser(site.name(), site.endpoint().url(), () -> sessions.open(site));
    }
}
