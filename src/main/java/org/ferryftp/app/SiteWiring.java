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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds the saved-sites side of the window: the store, the credential store, the catalog and the site manager.
 * The window's first frame does not need the saved sites, so they are read after it, on a thread of their own
 * (with the trusted certificates and the passwords the site form shows); the manager, the panes and the journal
 * wait for them ({@link SiteManager#loadedSources}).
 */
final class SiteWiring {

    private final SiteCatalog catalog;
    private final SiteManager manager;

    /**
     * @param credentials the keyring or vault (see {@link CredentialWiring}); the window reaches it through
     *                    {@link FxSafeCredentials}, which preloads the saved sites' passwords once they are read
     * @param log         takes a one-line problem with the sites' or the trusted certificates' file
     * @param startAfter  the sites are read when this completes (the window's first frame)
     */
    SiteWiring(Path configDir, Preferences prefs, Messages msg, Supplier<MainWindow> window, Supplier<Stage> stage,
               CredentialStore credentials, ExecutorService credentialIo, CertificatePrompt certificates,
               HostKeyPrompt hostKeys, Consumer<String> log, CompletionStage<?> startAfter) {
        SiteStore store = new SiteStore(configDir, Clock.systemUTC());
        FxSafeCredentials safe = new FxSafeCredentials(credentials, credentialIo, Platform::isFxApplicationThread, log);
        CompletableFuture<TrustedCertificates> trusted = new CompletableFuture<>();
        CompletableFuture<SiteStore.Loaded> loaded = startAfter.toCompletableFuture().thenApplyAsync(
                ignored -> read(store, configDir, prefs, msg, safe, trusted, log), runnable -> {
                    Thread t = new Thread(runnable, "ferry-sites-load");
                    t.setDaemon(true);
                    t.start();
                });
        // Saved sites connect only once they are read, so their certificate trust never waits here.
        catalog = new SiteCatalog(safe,
                new FxPasswordPrompt(stage::get, msg, Platform::runLater, Platform::isFxApplicationThread),
                p -> new SiteCertificateTrust(SiteSessions.refId(p), p.name(), trusted.join(), certificates, log),
                sshEnvironment(configDir, hostKeys, log));
        manager = new SiteManager(store, loaded, Platform::runLater, catalog, SiteDefaults.from(prefs), msg, window,
                owner -> new FxSiteDialogs(owner, msg), new org.ferryftp.site.DefaultProxyStore(
                        new org.ferryftp.site.PreferencesStore(configDir), safe, catalog::useDefaultProxy));
    }

    /** Reads the saved sites and the trusted certificates, and starts reading the passwords the site form shows. */
    private static SiteStore.Loaded read(SiteStore store, Path configDir, Preferences prefs, Messages msg,
                                         FxSafeCredentials safe, CompletableFuture<TrustedCertificates> trusted,
                                         Consumer<String> log) {
        try {
            TrustedCertificates certificates = new TrustedCertificates(
                    configDir.resolve("trusted-certificates.properties"));
            certificates.loadProblem().ifPresent(log);
            trusted.complete(certificates);
        } catch (RuntimeException e) {
            trusted.completeExceptionally(e);
            log.accept("cannot read the trusted certificates: " + e.getMessage());
        }
        SiteStore.Loaded loaded;
        try {
            loaded = store.load();
        } catch (RuntimeException e) {
            // Said once, and nothing is written over the file: the manager shows it, "Save" is the user's choice.
            loaded = new SiteStore.Loaded(List.of(), List.of(), Optional.of("the saved sites in " + store.file()
                    + " could not be read (" + e + "); Ferry will not overwrite them"));
        }
        loaded.problem().ifPresent(p -> log.accept(msg.format("sites.loadProblem", p)));
        // Every secret the form shows: one not loaded reads as empty there, and saving the form would remove it.
        // The default proxy's password only when it has a login: without saved sites or such a proxy nothing is
        // read, so a first start does not ask for the vault's master password.
        List<String> secrets = new ArrayList<>();
        if (prefs.defaultProxy() != null && !prefs.defaultProxy().user().isEmpty()) {
            secrets.add(SiteSessions.DEFAULT_PROXY_KEY);
        }
        loaded.sites().forEach(p -> secrets.addAll(SiteSessions.secretKeys(p)));
        safe.preload(secrets);
        return loaded;
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
}
