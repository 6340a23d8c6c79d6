package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSecret;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.vault.CredentialStore;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The site manager's use of the credential store; a failure is reported as a message, never thrown at the user. */
final class SitePasswords {

    private final CredentialStore store;
    private final Consumer<String> problem;

    /** @param problem receives the store's error message when it fails */
    SitePasswords(CredentialStore store, Consumer<String> problem) {
        this.store = store;
        this.problem = problem;
    }

    String get(SiteProfile p) {
        return read(SiteSessions.credentialKey(p));
    }

    /** Stores {@code password}, or removes the entry when it is empty. False when the store failed. */
    boolean set(SiteProfile p, String password) {
        return write(SiteSessions.credentialKey(p), password);
    }

    void copy(SiteProfile from, SiteProfile to) {
        String pw = get(from);
        if (!pw.isEmpty()) {
            set(to, pw);
        }
        String proxyPw = proxy(from);
        if (!proxyPw.isEmpty()) {
            setProxy(to, proxyPw);
        }
        String passphrase = keyPassphrase(from);
        if (!passphrase.isEmpty()) {
            setKeyPassphrase(to, passphrase);
        }
    }

    void forget(SiteProfile p) {
        set(p, "");
        setProxy(p, "");
        setKeyPassphrase(p, "");
    }

    /** The stored passphrase of the site's SSH key file, "" when none. */
    String keyPassphrase(SiteProfile p) {
        return read(SiteSessions.keyPassphraseKey(p));
    }

    /** Stores the key's passphrase, or removes it when empty. False when the store failed. */
    boolean setKeyPassphrase(SiteProfile p, String passphrase) {
        return write(SiteSessions.keyPassphraseKey(p), passphrase);
    }

    /** The stored password of the site's proxy, "" when none. */
    String proxy(SiteProfile p) {
        return read(SiteSessions.proxyCredentialKey(p));
    }

    /** Stores the proxy's password, or removes it when empty. False when the store failed. */
    boolean setProxy(SiteProfile p, String password) {
        return write(SiteSessions.proxyCredentialKey(p), password);
    }

    private String read(String key) {
        try {
            return store.get(key).orElse("");
        } catch (IOException e) {
            problem.accept(e.getMessage());
            return "";
        }
    }

    private boolean write(String key, String password) {
        try {
            if (password == null || password.isEmpty()) {
                store.remove(key);
            } else if (!password.equals(read(key))) {
                store.put(key, password);
            }
            return true;
        } catch (IOException e) {
            problem.accept(e.getMessage());
            return false;
        }
    }

    /** The saved secrets of the {@code sites} by their names in an export (see {@link SiteSecret}). */
    Map<String, String> saved(List<SiteProfile> sites) {
        try {
            return SiteSecret.export(sites, store::get);
        } catch (IOException e) {
            problem.accept(e.getMessage());
            return Map.of();
        }
    }

    /** Stores the secrets an import gave for {@code added}, which the export called {@code originalId}. */
    void setImported(String originalId, SiteProfile added, Map<String, String> exported) {
        SiteSecret.imported(originalId, added, exported).forEach(this::write);
    }
}
