package org.ferryftp.site;

import org.ferryftp.site.vault.CredentialStore;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The preferences' default proxy for those who change it outside the Preferences window (the FileZilla import):
 * the proxy in {@code preferences.properties}, its password in the credential store, and the running catalog told.
 */
public final class DefaultProxyStore {

    private final PreferencesStore preferences;
    private final CredentialStore credentials;
    private final Consumer<SiteProxy> applied;

    /** @param applied hears the new default (the catalog's {@code useDefaultProxy}) */
    public DefaultProxyStore(PreferencesStore preferences, CredentialStore credentials, Consumer<SiteProxy> applied) {
        this.preferences = preferences;
        this.credentials = credentials;
        this.applied = applied;
    }

    /** The default proxy as saved now, null for none. */
    public SiteProxy current() {
        return preferences.load().preferences().defaultProxy();
    }

    /** Makes {@code proxy} the default (null: none); the password is kept only with a login. */
    public void set(SiteProxy proxy, String password) throws IOException {
        if (proxy == null || proxy.user().isEmpty() || password == null || password.isEmpty()) {
            credentials.remove(SiteSessions.DEFAULT_PROXY_KEY);
        } else {
            credentials.put(SiteSessions.DEFAULT_PROXY_KEY, password);
        }
        // Only the proxy's keys change in the file (PreferencesStore writes what differs from what it loaded).
        preferences.save(preferences.load().preferences().withDefaultProxy(proxy));
        applied.accept(proxy);
    }
}
