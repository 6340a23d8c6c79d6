package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileBrowser;

import java.io.IOException;

/** Opens the {@link FileBrowser} behind a source. Called off the UI thread. */
@FunctionalInterface
public interface BrowserFactory {

    FileBrowser open(Source source) throws IOException;
}
