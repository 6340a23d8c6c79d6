package org.ferryftp.site;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets a saved site keeps in the credential store, and the names they carry in an export "with passwords".
 * One rule for the window's and the command line's export and import, so a site comes back whole: its login
 * password, its proxy's password and its key file's passphrase.
 */
public enum SiteSecret {
    LOGIN, PROXY, KEY_PASSPHRASE;

    /** Reads one secret from the credential store by its key. */
    @FunctionalInterface
    public interface Reader {
        Optional<String> get(String credentialKey) throws IOException;
    }

    /** The key under which the credential store keeps this secret of {@code p}. */
    public String credentialKey(SiteProfile p) {
        return switch (this) {
            case LOGIN -> SiteSessions.credentialKey(p);
            case PROXY -> SiteSessions.proxyCredentialKey(p);
            case KEY_PASSPHRASE -> SiteSessions.keyPassphraseKey(p);
        };
    }

    /** The name in an export. Login passwords keep the bare site id, which is all that older exports carried. */
    public String exportName(String siteId) {
        return switch (this) {
            case LOGIN -> siteId;
            case PROXY -> "proxy/" + siteId;
            case KEY_PASSPHRASE -> "sshkey/" + siteId;
        };
    }

    /** Whether {@code p} uses this secret: a login that keeps a password, a proxy with a user, an SFTP key file. */
    public boolean usedBy(SiteProfile p) {
        return switch (this) {
            case LOGIN -> p.login() == LoginType.NORMAL || p.login() == LoginType.ACCOUNT;
            case PROXY -> p.proxy().own() != null && !p.proxy().own().user().isEmpty();
            case KEY_PASSPHRASE -> p.isSftp() && p.ssh().keyFile() != null;
        };
    }

    /** Every secret the {@code sites} use and the store holds, by export name. */
    public static Map<String, String> export(List<SiteProfile> sites, Reader store) throws IOException {
        Map<String, String> named = new LinkedHashMap<>();
        for (SiteProfile p : sites) {
            for (SiteSecret s : values()) {
                if (s.usedBy(p)) {
                    Optional<String> value = store.get(s.credentialKey(p));
                    if (value.isPresent() && !value.get().isEmpty()) {
                        named.put(s.exportName(p.id()), value.get());
                    }
                }
            }
        }
        return named;
    }

    /**
     * The secrets an export gave for the site it called {@code originalId}, by the credential keys of {@code added}
     * (the same site, saved here under a new id where the old one was taken).
     */
    public static Map<String, String> imported(String originalId, SiteProfile added, Map<String, String> exported) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (SiteSecret s : values()) {
            String value = exported.get(s.exportName(originalId));
            if (value != null && !value.isEmpty() && s.usedBy(added)) {
                byKey.put(s.credentialKey(added), value);
            }
        }
        return byKey;
    }
}
