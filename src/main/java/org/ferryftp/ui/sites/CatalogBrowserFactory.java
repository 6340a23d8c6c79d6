package org.ferryftp.ui.sites;

import org.ferryftp.fs.FileBrowser;
import org.ferryftp.site.SiteCatalog;
import org.ferryftp.ui.browser.BrowserFactory;
import org.ferryftp.ui.browser.Source;

import java.io.IOException;

/**
 * Opens saved sites with their current settings and password (asked for when the site says so),
 * resolved right before connecting and off the UI thread; other sources pass through unchanged.
 */
public final class CatalogBrowserFactory implements BrowserFactory {

    private final BrowserFactory delegate;
    private final SiteCatalog catalog;

    public CatalogBrowserFactory(BrowserFactory delegate, SiteCatalog catalog) {
        this.delegate = delegate;
        this.catalog = catalog;
    }

    @Override
    public FileBrowser open(Source source) throws IOException {
        if (source.isLocal()) {
            return delegate.open(source);
        }
        return delegate.open(new Source(source.label(), catalog.connectable(source.site()), source.colour()));
    }
}
