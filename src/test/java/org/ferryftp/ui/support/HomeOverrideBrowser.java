package org.ferryftp.ui.support;

import org.ferryftp.fs.DirectoryListing;
import org.ferryftp.fs.FileBrowser;

import java.io.IOException;

/** A browser that starts in a chosen directory instead of the user's home. */
public final class HomeOverrideBrowser implements FileBrowser {

    private final FileBrowser delegate;
    private final String home;

    public HomeOverrideBrowser(FileBrowser delegate, String home) {
        this.delegate = delegate;
        this.home = home;
    }

    @Override
    public String displayName() {
        return delegate.displayName();
    }

    @Override
    public boolean isLocal() {
        return delegate.isLocal();
    }

    @Override
    public String home() {
        return home;
    }

    @Override
    public DirectoryListing list(String path) throws IOException {
        return delegate.list(path);
    }

    @Override
    public void makeDirectories(String path) throws IOException {
        delegate.makeDirectories(path);
    }

    @Override
    public void rename(String from, String to) throws IOException {
        delegate.rename(from, to);
    }

    @Override
    public void delete(String path, boolean directory, boolean recursive) throws IOException {
        delegate.delete(path, directory, recursive);
    }

    @Override
    public void chmod(String path, String octalMode) throws IOException {
        delegate.chmod(path, octalMode);
    }

    @Override
    public String join(String dir, String name) {
        return delegate.join(dir, name);
    }

    @Override
    public String parent(String path) {
        return delegate.parent(path);
    }

    @Override
    public String describe(String path) {
        return delegate.describe(path);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
