package org.ferryftp.ui.sites;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteCatalog;
import org.ferryftp.site.SiteDefaults;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.importer.FileZillaImporter;
import org.ferryftp.site.DefaultProxyStore;
import org.ferryftp.site.store.SiteStore;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.main.QuickConnect;
import org.ferryftp.ui.main.SiteActions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Saved sites in the main window: opens the site manager, keeps each pane's source list in step
 * with the saved sites, opens a site in a pane on Connect, and saves quick connections as sites.
 */
public final class SiteManager implements SiteActions {

    private final SiteStore store;
    private final SiteCatalog catalog;
    private final SiteDefaults defaults;
    private final Messages msg;
    private final Supplier<MainWindow> window;
    private final Function<Supplier<Window>, SiteDialogs> dialogs;
    private final Supplier<String> ids;
    private List<List<String>> folders = List.of();
    private String loadProblem;
    private final CompletableFuture<List<Source>> sourcesLoaded = new CompletableFuture<>();
    private Stage stage;
    private SiteManagerViewModel vm;
    /** Where FileZilla's proxy goes on import; null: nowhere (it is only mentioned). */
    private final DefaultProxyStore defaultProxy;

    /**
     * @param loaded  what the store held at start (its problem, if any, is shown when the manager opens)
     * @param dialogs makes the dialogs for a given owner window (tests pass scripted ones)
     */
    public SiteManager(SiteStore store, SiteStore.Loaded loaded, SiteCatalog catalog, SiteDefaults defaults,
                       Messages msg, Supplier<MainWindow> window, Function<Supplier<Window>, SiteDialogs> dialogs) {
        this(store, loaded, catalog, defaults, msg, window, dialogs, null);
    }

    /** @param defaultProxy receives the proxy of a FileZilla import (null: the import only mentions it) */
    public SiteManager(SiteStore store, SiteStore.Loaded loaded, SiteCatalog catalog, SiteDefaults defaults,
                       Messages msg, Supplier<MainWindow> window, Function<Supplier<Window>, SiteDialogs> dialogs,
                       DefaultProxyStore defaultProxy) {
        this(store, CompletableFuture.completedFuture(loaded), Runnable::run, catalog, defaults, msg, window, dialogs,
                defaultProxy);
    }

    /**
     * Saved sites that are read after the window's first frame: until {@code loaded} completes the manager's window
     * says they are loading and "Save as site" is refused (the file is not written); then the sites go to the
     * catalog, the manager and {@link #loadedSources}.
     *
     * @param loaded what the store held at start, once it is read (off the FX thread)
     * @param fx     runs on the FX thread ({@code Platform::runLater})
     */
    public SiteManager(SiteStore store, CompletionStage<SiteStore.Loaded> loaded, Executor fx, SiteCatalog catalog,
                       SiteDefaults defaults, Messages msg, Supplier<MainWindow> window,
                       Function<Supplier<Window>, SiteDialogs> dialogs, DefaultProxyStore defaultProxy) {
        this.defaultProxy = defaultProxy;
        this.store = store;
        this.catalog = catalog;
        this.defaults = defaults;
        this.msg = msg;
        this.window = window;
        this.dialogs = dialogs;
        this.ids = () -> UUID.randomUUID().toString();
        loaded.thenAcceptAsync(this::arrived, fx);
    }

    /** The sites as read (FX thread): to the catalog, to the manager's window if it waits, then to the panes. */
    private void arrived(SiteStore.Loaded loaded) {
        folders = loaded.folders();
        loadProblem = loaded.problem().orElse(null);
        catalog.setProfiles(loaded.sites());
        if (stage != null && stage.isShowing() && vm == null) {
            fill(stage);
        }
        sourcesLoaded.complete(sources());
    }

    /**
     * The saved sites as pane sources once they are read (completes on the FX thread, after the catalog has them);
     * later changes reach the window through {@link MainWindow#replaceSources}.
     */
    public CompletionStage<List<Source>> loadedSources() {
        return sourcesLoaded;
    }

    /** The saved sites as pane sources (password-free; the catalog fills in passwords when connecting). */
    public List<Source> sources() {
        List<Source> out = new ArrayList<>();
        catalog.profiles().stream().sorted(Comparator.comparing(SiteProfile::path, String.CASE_INSENSITIVE_ORDER))
                .forEach(p -> SiteCatalog.placeholderOf(p).ifPresent(ref -> out.add(Source.of(ref, p.colour()))));
        return out;
    }

    @Override
    public List<org.ferryftp.site.Bookmark> bookmarks(String sourceId) {
        return SiteSessions.profileId(sourceId).flatMap(catalog::profile).map(SiteProfile::bookmarks)
                .orElse(List.of());
    }

    /** True for a source that is a saved site. */
    public static boolean isSaved(Source s) {
        return !s.isLocal() && SiteSessions.profileId(s.site().id()).isPresent();
    }

    @Override
    public void openManager() {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        stage = new Stage();
        vm = null;
        Stage owner = window.get() == null ? null : window.get().stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        stage.setTitle(msg.get("site.title"));
        // Until the sites are read: a line saying so, never an empty list that would read as "no saved sites".
        Label loading = new Label(msg.get("sites.loading"));
        loading.setId("sites-loading");
        Scene scene = new Scene(new StackPane(loading), 980, 640);
        scene.getStylesheets().add(SiteManager.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        if (sourcesLoaded.isDone()) {
            fill(stage);
        }
        stage.show();
    }

    /** Puts the manager's view, on the sites as they are now, into {@code current}'s scene. */
    private void fill(Stage current) {
        vm = new SiteManagerViewModel(store, new SiteStore.Loaded(catalog.profiles(), folders,
                Optional.ofNullable(loadProblem)), catalog.credentials(), defaults, dialogs.apply(() -> current), msg,
                this::connect, this::saved, ids);
        loadProblem = null;
        FerryFileExchange ferryFiles = new FerryFileExchange(vm);
        SiteManagerView view = new SiteManagerView(vm, msg, new SiteManagerView.FileActions(
                new FileZillaImport(new FileZillaImporter(), vm, defaultProxy)::run, ferryFiles::importFile, ferryFiles::export),
                () -> closeSaving(current));
        current.getScene().setRoot(view.node());
    }

    /** Close keeps the form's edits: it saves first, and stays open (showing why) when they cannot be saved. */
    private void closeSaving(Stage current) {
        if (!vm.siteSelectedProperty().get() || vm.save()) {
            current.close();
        }
    }

    /** The open manager's view model, or null (for tests). */
    public SiteManagerViewModel viewModel() {
        return vm;
    }

    private void saved(List<SiteProfile> sites) {
        catalog.setProfiles(sites);
        if (vm != null) {
            folders = vm.folders();
        }
        MainWindow w = window.get();
        if (w != null) {
            w.replaceSources(SiteManager::isSaved, sources());
        }
    }

    private Optional<String> connect(PaneSide side, SiteProfile p) {
        SiteRef ref;
        try {
            ref = SiteSessions.ref(p, null);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (stage != null) {
            stage.close();
        }
        window.get().openSite(side == PaneSide.RIGHT, Source.of(ref, p.colour()), p.remoteDir(), p.localDir());
        return Optional.empty();
    }

    @Override
    public String saveQuickConnect(QuickConnect.Result quick) {
        if (!sourcesLoaded.isDone()) {
            // The catalog and the panes would hold the new site alone until the others are read; the quick-connect
            // fields stay as typed, to save a moment later.
            return msg.get("sites.stillLoading");
        }
        SessionSettings s = quick.site().settings();
        Credentials c = s.credentials();
        boolean anonymous = c.isAnonymous() && (c.password() == null || c.password().equals("ferry@"));
        SiteProfile p = defaults.apply(SiteProfile.builder(ids.get(), s.host(), s.host())).port(s.port())
                .login(anonymous ? LoginType.ANONYMOUS : LoginType.NORMAL).user(c.user()).build();
        List<SiteProfile> all = new ArrayList<>(catalog.profiles());
        all.add(p);
        Optional<String> keptAside;
        try {
            if (!anonymous && c.password() != null && !c.password().isEmpty()) {
                catalog.credentials().put(SiteSessions.credentialKey(p), c.password());
            }
            keptAside = store.save(all, folders);
        } catch (IOException | RuntimeException e) {
            return msg.format("quick.saveFailed", e.getMessage());
        }
        saved(all);
        if (vm != null && stage != null && stage.isShowing()) {
            stage.close();
        }
        // Saved; when the file on disk had been damaged, where it was kept matters more than the confirmation.
        return keptAside.orElse(msg.format("quick.saved", p.name()));
    }
}
