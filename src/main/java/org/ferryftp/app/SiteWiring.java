package org.ferryftp.app;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.ferryftp.site.Preferences;
import org.ferryftp.site.SiteCatalog;
import org.ferryftp.site.SiteDefaults;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.site.vault.CredentialStore;
import org.ferryftp.site.vault.EncryptedVault;
import org.ferryftp.site.vault.MemoryCredentialStore;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.sites.FxPasswordPrompt;
import org.ferryftp.ui.sites.FxSiteDialogs;
import org.ferryftp.ui.sites.SiteManager;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Builds the saved-sites side of the window: the store, the credential store, the catalog and the site manager. */
final class SiteWiring {

    private final SiteCatalog catalog;
    private final SiteManager manager;
    private final List<String> problems = new ArrayList<>();

    SiteWiring(Path configDir, Map<String, String> env, Preferences prefs, Messages msg, Supplier<MainWindow> window,
               Supplier<Stage> stage) {
        SiteStore store = new SiteStore(configDir, Clock.systemUTC());
        SiteStore.Loaded loaded = store.load();
        loaded.problem().ifPresent(p -> problems.add(msg.format("sites.loadProblem", p)));
        catalog = new SiteCatalog(credentials(configDir, env, msg),
                new FxPasswordPrompt(stage::get, msg, Platform::runLater, Platform::isFxApplicationThread));
        manager = new SiteManager(store, loaded, catalog, SiteDefaults.from(prefs), msg, window,
                owner -> new FxSiteDialogs(owner, msg));
    }

    /**
     * The encrypted vault when {@code FERRY_MASTER_PASSWORD} is set; otherwise passwords for this run
     * only. TODO(lead): use the keyring / master-password store (being built in parallel) here.
     */
    private CredentialStore credentials(Path configDir, Map<String, String> env, Messages msg) {
        String master = env.get("FERRY_MASTER_PASSWORD");
        if (master != null && !master.isEmpty()) {
            try {
                return EncryptedVault.open(configDir, master.toCharArray());
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        problems.add(msg.get("sites.memoryOnly"));
        return new MemoryCredentialStore();
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
