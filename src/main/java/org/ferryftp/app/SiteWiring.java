package org.ferryftp.app;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.ferryftp.site.Preferences;
import org.ferryftp.site.SiteCatalog;
import org.ferryftp.site.SiteDefaults;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.SshEnvironment;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.site.trust.HostKeyPrompt;
import org.ferryftp.site.trust.HostKeyTrust;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.trust.CertificatePrompt;
import org.ferryftp.site.trust.SiteCertificateTrust;
import org.ferryftp.site.trust.TrustedCertificates;
import org.ferryftp.site.vault.CredentialStore;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.sites.FxPasswordPrompt;
import org.ferryftp.ui.sites.FxSiteDialogs;
import org.ferryftp.ui.sites.SiteManager;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Builds the saved-sites side of the window: the store, the credential store, the catalog and the site manager. */
final class SiteWiring {

    private final SiteCatalog catalog;
    private final SiteManager manager;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param credentials the keyring or vault (see {@link CredentialWiring}); the window reaches it through
     *                    {@link FxSafeCredentials}, which preloads the saved sites' passwords now
     */
    SiteWiring(Path configDir, Preferences prefs, Messages msg, Supplier<MainWindow> window, Supplier<Stage> stage,
               CredentialStore credentials, ExecutorService credentialIo, CertificatePrompt certificates,
               HostKeyPrompt hostKeys, Consumer<String> log) {
        SiteStore store = new SiteStore(configDir, Clock.systemUTC());
        SiteStore.Loaded loaded = store.load();
        loaded.problem().ifPresent(p -> problems.add(msg.format("sites.loadProblem", p)));
        FxSafeCredentials safe = new FxSafeCredentials(credentials, credentialIo, Platform::isFxApplicationThread, log);
        // Every secret the form shows: one not loaded reads as empty there, and saving the form would remove it.
        // The default proxy's password only when it has a login: without saved sites or such a proxy nothing is
        // read, so a first start does not ask for the vault's master password.
        List<String> secrets = new ArrayList<>();
        if (prefs.defaultProxy() != null && !prefs.defaultProxy().user().isEmpty()) {
            secrets.add(SiteSessions.DEFAULT_PROXY_KEY);
        }
        loaded.sites().forEach(p -> secrets.addAll(SiteSessions.secretKeys(p)));
        safe.preload(secrets);
        TrustedCertificates trusted = new TrustedCertificates(configDir.resolve("trusted-certificates.properties"));
        trusted.loadProblem().ifPresent(problems::add);
        catalog = new SiteCatalog(safe,
                new FxPasswordPrompt(stage::get, msg, Platform::runLater, Platform::isFxApplicationThread),
                p -> new SiteCertificateTrust(SiteSessions.refId(p), p.name(), trusted, certificates, log),
                sshEnvironment(configDir, hostKeys, log));
        manager = new SiteManager(store, loaded, catalog, SiteDefaults.from(prefs), msg, window,
                owner -> new FxSiteDialogs(owner, msg), new org.ferryftp.site.DefaultProxyStore(
                        new org.ferryftp.site.PreferencesStore(configDir), safe, catalog::useDefaultProxy));
    }

    /** SFTP sites check host keys against ~/.ssh/known_hosts and Ferry's own file, and ask the user about others. */
    private static SshEnvironment sshEnvironment(Path configDir, HostKeyPrompt prompt, Consumer<String> log) {
        KnownHosts known = KnownHosts.standard(configDir);
        return new SshEnvironment(known, new HostKeyTrust(known, prompt, log), SshAuth.Agent.fromEnvironment());
    }

    SiteCatalog catalog() {
        return catalog;
    }

    SiteManager manager() {
        return manager;
    }

    List<String> problems() {
        return problems;
    }
}
