package org.ferryftp.app;

import org.ferryftp.sftp.SharedSshClient;
import org.ferryftp.transfer.StandardSessions;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.ferryftp.app.demo.DemoServers;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.site.PreferencesStore;
import org.ferryftp.site.trust.SiteCertificateTrust;
import org.ferryftp.site.trust.TrustedCertificates;
import org.ferryftp.site.vault.SystemKeyringProbe;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.StandardBrowserFactory;
import org.ferryftp.ui.concurrent.FxQuestion;
import org.ferryftp.ui.concurrent.FxUiExecutor;
import org.ferryftp.ui.concurrent.UiExecutor;
import org.ferryftp.ui.log.LogBuffer;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.main.MainWindowConfig;
import org.ferryftp.ui.main.Theme;
import org.ferryftp.ui.main.QuickConnectHistory;
import org.ferryftp.ui.main.WindowStateStore;
import org.ferryftp.ui.sites.CatalogBrowserFactory;
import org.ferryftp.ui.tls.CertificateTrustDialog;
import org.ferryftp.ui.tls.HostKeyTrustDialog;
import org.ferryftp.ui.vault.FxMasterPasswordDialog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** The desktop application: wires the main window (composition root) and owns what must be shut down. */
public final class FerryApp extends Application {

    private UiExecutor executor;
    /** Set on the demo's start-up thread, closed by stop on the FX thread. */
    private volatile DemoServers demo;
    private MainWindow window;
    private TransferWiring transfers;
    private CredentialWiring credentials;
    private ExecutorService credentialIo;
    private StateDump stateDump;
    /** The SSH client every SFTP session of the window shares; stopped last, after the queue and the panes. */
    private final SharedSshClient ssh = new SharedSshClient();

    @Override
    public void start(Stage stage) {
        Messages msg = Messages.defaults();
        LogBuffer log = new LogBuffer(20_000);
        Consumer<String> problems = text -> log.log(new LogEntry(Instant.now(), "ferry", LogEntry.Direction.ERROR, text));
        // For the start-up benchmark only: off unless FERRY_STARTUP_MARK names a file.
        StartupMark mark = StartupMark.fromEnvironment(System.getenv(), System::currentTimeMillis, problems)
                .orElse(null);
        if (mark != null) {
            mark.phase("fx-start");
        }
        executor = new FxUiExecutor(4);
        Theme theme = new Theme(GuiLauncher.osPrefersDark());
        Path config = ConfigDir.resolve(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home"));

        Source local = Source.local(msg.get("source.local"));
        CertificateTrustDialog certificates = new CertificateTrustDialog(msg, () -> stage,
                new FxQuestion(Platform::runLater, Platform::isFxApplicationThread));
        // What the first frame does not need waits for it (and then runs off the FX thread).
        CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        // The demo's servers start after the first frame; the journal waits for them (it may name their sites).
        boolean withDemo = getParameters().getRaw().stream().anyMatch(a -> a.startsWith("--demo"));
        CompletableFuture<List<SiteRef>> demoSites = withDemo
                ? firstFrame.thenApplyAsync(ignored -> startDemo(msg, certificates, problems, log),
                        runnable -> new Thread(runnable, "ferry-demo-start").start())
                : firstFrame.thenApply(ignored -> List.of());
        LastInput lastInput = LastInput.watchingAllWindows();
        firstFrame.thenRunAsync(() -> tightenHeap(lastInput),
                runnable -> daemonThreads("ferry-heap-footprint").newThread(runnable).start());
        credentials = new CredentialWiring(config, System.getenv(),
                new FxMasterPasswordDialog(() -> stage, Platform::runLater, Platform::isFxApplicationThread),
                new SystemKeyringProbe(System.getenv(), System.getProperty("os.name", ""),
                        SystemKeyringProbe.DEFAULT_TIMEOUT), log, Platform::isFxApplicationThread, firstFrame);
        credentialIo = Executors.newSingleThreadExecutor(daemonThreads("ferry-credentials-io"));
        phase(mark, "wired");
        // Demo sites live only in memory; saved sites come from the user's store (after the first frame) and are
        // never mixed.
        // Read once: the sites' defaults and the queue's settings come from the same reading.
        PreferencesStore preferences = new PreferencesStore(config);
        PreferencesStore.Loaded prefs = preferences.load();
        SiteWiring sites = new SiteWiring(config, prefs.preferences(), msg, () -> window, () -> stage,
                credentials.store(), credentialIo, certificates, new HostKeyTrustDialog(msg, () -> stage,
                        new FxQuestion(Platform::runLater, Platform::isFxApplicationThread)), problems, firstFrame);
        phase(mark, "sites");
        StandardSessions sessions = new StandardSessions(log, ssh);
        // The journal may name saved sites as well as the demo's: it waits for both.
        transfers = new TransferWiring(config, preferences, prefs, log, executor,
                demoSites.thenCombine(sites.manager().loadedSources(), (demoRefs, saved) -> demoRefs),
                sites.catalog(), sessions, () -> stage);
        for (String problem : transfers.problems()) {
            log.log(new LogEntry(Instant.now(), "ferry", LogEntry.Direction.ERROR, problem));
        }
        phase(mark, "transfers");
        window = new MainWindow(MainWindowConfig.builder(msg, executor,
                new CatalogBrowserFactory(new StandardBrowserFactory(sessions), sites.catalog()), List.of(local), local, local,
                transfers.queue(), log)
                .stateStore(new WindowStateStore(config.resolve("window.properties")))
                .theme(theme)
                .transfersView(transfers.view())
                .transfersNotice(transfers.view().noticeProperty())
                .statusExtras(transfers.statusBar())
                .sites(sites.manager())
                .laterSources(sites.manager().loadedSources())
                .preferences(transfers::openPreferences)
                .quickHistory(new QuickConnectHistory(config.resolve("quick-connect-history.properties"),
                        problem -> log.log(new LogEntry(Instant.now(), "ferry", LogEntry.Direction.ERROR, problem))))
                .openLogFolder(() -> openFolder(AppLogging.folder(config), log))
                .configDir(config)
                .menus(transfers.menuActions())
                .editing(editing(config, sites, sessions, problems))
                .build());
        transfers.queue().addListener(window.refresher());
        phase(mark, "built");
        window.show(stage);
        Pulses.afterNextLayout(stage.getScene(), () -> Platform.runLater(() -> firstFrame.complete(null)));
        // Decoding six PNGs (up to 256 px) held up the first frame; they are decoded off the FX thread after it, and
        // the window manager shows the icon a moment later.
        firstFrame.thenApplyAsync(ignored -> windowIcons(),
                runnable -> daemonThreads("ferry-window-icons").newThread(runnable).start())
                .thenAccept(icons -> Platform.runLater(() -> stage.getIcons().addAll(icons)));
        demoSites.thenAccept(demoRefs -> Platform.runLater(() -> showDemo(demoRefs, local)));
        if (mark != null) {
            mark.phase("shown");
            mark.watch(stage, window.left().viewModel());
        }
        // For the journey test (.ci/gui-journey.sh) only: off unless FERRY_STATE_DUMP names a file.
        stateDump = StateDump.start(System.getenv(), stage, window, transfers.viewModel(), problems).orElse(null);
    }

    /** Threads of this name that do not keep the JVM running. */
    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The window's icon in the sizes window managers and task bars ask for. */
    private static List<Image> windowIcons() {
        List<Image> icons = new java.util.ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            InputStream png = FerryApp.class.getResourceAsStream("/org/ferryftp/icons/ferry-" + size + ".png");
            if (png != null) {
                icons.add(new Image(png));
            }
        }
        return icons;
    }

    /** Notes a start-up phase for the benchmark, when it asked for them. */
    private static void phase(StartupMark mark, String name) {
        if (mark != null) {
            mark.phase(name);
        }
    }

    /** The heap's settings for a window ({@link HeapFootprint}); after the first frame, as they cost class loading. */
    private static void tightenHeap(LastInput lastInput) {
        org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(HeapFootprint.class);
        try {
            HeapFootprint.tighten(java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class)).forEach(logger::warn);
            java.util.concurrent.ScheduledExecutorService heapTimer =
                    Executors.newSingleThreadScheduledExecutor(daemonThreads("ferry-heap"));
            HeapFootprint.collectWhenIdle(java.lang.management.ManagementFactory.getGarbageCollectorMXBeans(),
                    lastInput::nanos, heapTimer);
            HeapFootprint.trimAfterCollections(java.lang.management.ManagementFactory.getGarbageCollectorMXBeans(),
                    java.lang.management.ManagementFactory.getPlatformMBeanServer(), heapTimer, logger::warn);
        } catch (LinkageError | RuntimeException e) {
            // A runtime without jdk.management: the JVM's defaults stay.
            logger.warn("Heap settings not applied: {}", e.toString());
        }
    }

    /** View and Edit of files: a private folder for this run, sessions as the queue's, the opener the preferences name. */
    private org.ferryftp.ui.edit.EditParts editing(Path config, SiteWiring sites, StandardSessions sessions,
                                                    Consumer<String> problems) {
        try {
            org.ferryftp.transfer.edit.EditFolder folder = org.ferryftp.transfer.edit.EditFolder.create();
            // Also when the JVM is stopped without the window closing (a signal): the copies are private.
            Runtime.getRuntime().addShutdownHook(new Thread(folder::close, "ferry-edit-cleanup"));
            return new org.ferryftp.ui.edit.EditParts(new org.ferryftp.transfer.edit.RemoteEdits(
                    sites.catalog().sessions(sessions), folder,
                    transfers.queue()), new org.ferryftp.transfer.edit.SystemOpener(transfers::openWith),
                    new org.ferryftp.ui.edit.EditChoices(config.resolve("edit.properties"), problems));
        } catch (IOException e) {
            problems.accept("Viewing and editing files is off: no private temporary folder (" + e.getMessage() + ")");
            return null;
        }
    }

    /** Starts the demo's servers (off the FX thread); their sites, or none when they cannot start (logged). */
    private List<SiteRef> startDemo(Messages msg, CertificateTrustDialog certificates, Consumer<String> problems,
                                    LogBuffer log) {
        try {
            // The demo's trust decisions live only as long as the demo (a temporary file).
            Path demoTrust = Files.createTempFile("ferry-demo-trust-", ".properties");
            demoTrust.toFile().deleteOnExit();
            demo = new DemoServers(new SiteCertificateTrust("demo:demo-tls", "Demo FTPS",
                    new TrustedCertificates(demoTrust), certificates, problems), true);
            return demo.sites();
        } catch (IOException | RuntimeException e) {
            log.log(new LogEntry(Instant.now(), "demo", LogEntry.Direction.ERROR,
                    msg.format("demo.failed", e.getMessage())));
            return List.of();
        }
    }

    /**
     * Adds the demo's sites to the panes' source lists and opens the first in the right pane, unless the user
     * has already taken that pane elsewhere.
     */
    private void showDemo(List<SiteRef> demoRefs, Source local) {
        if (demoRefs.isEmpty()) {
            return;
        }
        List<Source> demoSources = demoRefs.stream().map(Source::of).toList();
        window.replaceSources(s -> false, demoSources);
        if (window.right().viewModel().sourceProperty().get() == local) {
            window.right().viewModel().open(demoSources.get(0));
        }
    }

    /** Shows {@code folder} in the desktop's file manager (it may not exist yet before anything was logged). */
    private void openFolder(Path folder, LogBuffer log) {
        try {
            Files.createDirectories(folder);
            getHostServices().showDocument(folder.toUri().toString());
        } catch (IOException | RuntimeException e) {
            log.log(new LogEntry(Instant.now(), "ferry", LogEntry.Direction.ERROR,
                    "Cannot open the log folder " + folder + ": " + e.getMessage()));
        }
    }

    @Override
    public void stop() {
        if (stateDump != null) {
            stateDump.close();
        }
        if (window != null) {
            window.close();
        }
        if (transfers != null) {
            transfers.close();
        }
        if (credentialIo != null) {
            credentialIo.shutdown();
        }
        if (credentials != null) {
            credentials.close();
        }
        if (executor != null) {
            executor.close();
        }
        if (demo != null) {
            demo.close();
        }
        ssh.close();
    }
}
