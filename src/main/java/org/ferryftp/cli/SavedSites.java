package org.ferryftp.cli;

import org.ferryftp.ftp.ProxySettings;
import org.ferryftp.site.ConfigLocation;
import org.ferryftp.site.PreferencesStore;
import org.ferryftp.site.SiteProxy;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.trust.TrustedCertificates;
import org.ferryftp.site.vault.CredentialStore;
import org.ferryftp.site.vault.CredentialStores;
import org.ferryftp.site.vault.MasterPasswordSource;
import org.ferryftp.site.vault.SelectedCredentialStore;
import org.ferryftp.site.vault.SystemKeyringProbe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The saved sites as the command line sees them: the config directory from the environment, the site store, and
 * the credential store (keyring or vault, opened on first use, so commands that need no password never ask for the
 * master password). Closed when the command ends.
 */
final class SavedSites implements AutoCloseable {

    private final Map<String, String> env;
    private final Path configDir;
    private final MasterPasswordSource masterPassword;
    private final java.util.function.Consumer<String> report;
    private SiteStore.Loaded loaded;
    private SelectedCredentialStore credentials;

    /** @param report hears what the user should know, e.g. that a vault's passwords moved into the keyring */
    SavedSites(Map<String, String> env, MasterPasswordSource masterPassword, java.util.function.Consumer<String> report) {
        this.env = env;
        this.configDir = ConfigLocation.of(env);
        this.masterPassword = masterPassword;
        this.report = report;
    }

    Path configDir() {
        return configDir;
    }

    SiteStore store() {
        return new SiteStore(configDir, Clock.systemUTC());
    }

    /**
     * The saved sites and folders.
     *
     * @throws IOException when the site file could not be read (it was set aside; the message says where)
     */
    SiteStore.Loaded loaded() throws IOException {
        if (loaded == null) {
            SiteStore.Loaded l = store().load();
            if (l.problem().isPresent()) {
                throw new IOException(l.problem().get());
            }
            loaded = l;
        }
        return loaded;
    }

    List<SiteProfile> sites() throws IOException {
        return loaded().sites();
    }

    /** The keyring or vault; the vault's master password comes from FERRY_MASTER_PASSWORD or the terminal. */
    CredentialStore credentials() {
        if (credentials == null) {
            credentials = CredentialStores.open(configDir, env, masterPassword,
                    new SystemKeyringProbe(env, System.getProperty("os.name", ""), Duration.ofSeconds(3)), report);
        }
        return credentials;
    }

    /** Where the credential store keeps passwords, for messages. */
    String credentialsWhere() {
        return credentials == null ? "the credential store" : credentials.backend().where();
    }

    /**
     * The preferences' default proxy (Edit → Preferences), null for none; a damaged entry is reported and ignored.
     */
    SiteProxy defaultProxy() {
        PreferencesStore.Loaded prefs = new PreferencesStore(configDir).load();
        prefs.problems().stream().filter(problem -> problem.contains("proxy")).forEach(report);
        return prefs.preferences().defaultProxy();
    }

    /** The default proxy with its password (credential store, else FERRY_PROXY_PASSWORD); null for none. */
    ProxySettings defaultProxySettings() throws IOException {
        SiteProxy proxy = defaultProxy();
        if (proxy == null) {
            return null;
        }
        return proxy.settings(proxy.user().isEmpty() ? "" : credentials().get(SiteSessions.DEFAULT_PROXY_KEY)
                .orElse(env.getOrDefault("FERRY_PROXY_PASSWORD", "")));
    }

    /** The certificates trusted in the window; a damaged file is reported (it was kept aside, the good lines kept). */
    TrustedCertificates trustedCertificates() {
        TrustedCertificates trusted = new TrustedCertificates(configDir.resolve("trusted-certificates.properties"));
        trusted.loadProblem().ifPresent(report);
        return trusted;
    }

    @Override
    public void close() {
        if (credentials != null) {
            credentials.close();
        }
    }
}
