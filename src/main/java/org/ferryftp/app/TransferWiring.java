package org.ferryftp.app;

import javafx.application.Platform;
import javafx.stage.Window;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.site.Preferences;
import org.ferryftp.site.PreferencesStore;
import org.ferryftp.site.SiteCatalog;
import org.ferryftp.transfer.ProgressThrottle;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.transfer.SiteToSite;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.transfer.journal.QueueJournal;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.concurrent.FxQuestion;
import org.ferryftp.ui.concurrent.UiExecutor;
import org.ferryftp.ui.main.MenuActions;
import org.ferryftp.ui.prefs.LivePreferences;
import org.ferryftp.ui.prefs.PreferencesDialog;
import org.ferryftp.ui.prefs.PreferencesViewModel;
import org.ferryftp.ui.queue.ConflictDialog;
import org.ferryftp.ui.queue.FxConflictPrompt;
import org.ferryftp.ui.queue.QueueStatusBar;
import org.ferryftp.ui.queue.QueueView;
import org.ferryftp.ui.queue.QueueViewModel;
import org.ferryftp.ui.queue.RelayQuestion;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Builds the transfer side of the window: the queue (with the user's preferences), its journal
 * (restoring what a previous run left, after the first frame), and the queue view. Owns them and closes them in order.
 */
final class TransferWiring implements AutoCloseable {

    private final TransferQueue queue;
    /** Opened after the first frame (see {@link QueueJournal#attachAfter}). */
    private final CompletableFuture<QueueJournal> journal;
    private final ExecutorService journalOpening;
    private final QueueViewModel viewModel;
    private final ScheduledExecutorService timers;
    private final QueueView view;
    private final QueueStatusBar statusBar;
    private final List<String> problems = new ArrayList<>();
    private final PreferencesStore preferencesStore;
    private final ConflictDialog asker;
    private final Supplier<Window> owner;
    private final LivePreferences live;
    /** The program files are edited in, as last saved; read off the FX thread when a file is opened. */
    private volatile String openWith;
    private final SiteCatalog saved;

    /**
     * @param runSites the sites that exist only in this run (the demo), once they are known, which is after the
     *                 window's first frame: the journal is restored then (it may name them)
     * @param saved    the saved sites: resolves journal ids, and fills in passwords before connecting
     * @param open     opens a site's sessions, FTP or SFTP
     * @param preferencesStore the window's preferences file, which saves what the Preferences window changes
     * @param loaded   what the window read from it at start (read once, before the first frame)
     */
    TransferWiring(Path configDir, PreferencesStore preferencesStore, PreferencesStore.Loaded loaded, LogListener log,
                   UiExecutor ui, CompletionStage<List<SiteRef>> runSites, SiteCatalog saved, StandardSessions open,
                   Supplier<Window> owner) {
        this.preferencesStore = preferencesStore;
        this.owner = owner;
        this.saved = saved;
        problems.addAll(loaded.problems());
        Preferences prefs = loaded.preferences();
        saved.useDefaultProxy(prefs.defaultProxy());
        ResourceBundle bundle = QueueView.defaultBundle();
        this.asker = new ConflictDialog(new FxConflictPrompt(bundle, owner, ZoneId.systemDefault()),
                Platform::runLater, Platform::isFxApplicationThread);
        SessionFactory sessions = saved.sessions(open);
        // The journey test's clock hook; without FERRY_TEST_CLOCK_SKEW_FILE the limiter runs on System::nanoTime.
        LongSupplier limiterClock = SkewedClock.fromEnvironment(System.getenv(),
                problem -> log.log(new LogEntry(Instant.now(), "ferry", LogEntry.Direction.ERROR, problem)))
                .orElse(System::nanoTime);
        queue = TransferQueue.create(prefs.queueSettings(), sessions, conflicts(prefs), new SiteToSite(
                new RelayQuestion(Messages.defaults(), owner,
                        new FxQuestion(Platform::runLater, Platform::isFxApplicationThread)),
                saved::fxpPreference), limiterClock);
        applyLimits(prefs);
        live = new LivePreferences(prefs, this::switched);
        // Transfer → Transfer type applies to the next transfer on every FTP session, open ones too.
        open.useTypeOverride(prefs.transferType());
        live.preferencesProperty().addListener((o, was, now) -> open.useTypeOverride(now.transferType()));
        openWith = prefs.openWith();
        queue.useSiteKeepAlive(saved::keepAlive);
        Map<String, SiteRef> sites = new ConcurrentHashMap<>();
        journalOpening = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ferry-journal-open");
            t.setDaemon(true);
            return t;
        });
        journal = QueueJournal.attachAfter(runSites.thenAccept(known -> known.forEach(s -> sites.put(s.id(), s))),
                journalOpening, queue, configDir,
                saved.resolver(id -> Optional.ofNullable(sites.get(id))));
        journal.thenAccept(j -> j.problem().ifPresent(
                problem -> log.log(new LogEntry(Instant.now(), "ferry", LogEntry.Direction.ERROR, problem))));
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-ui-timer");
            t.setDaemon(true);
            return t;
        });
        viewModel = new QueueViewModel(queue, Platform::runLater,
                task -> ui.execute(() -> {
                    task.run();
                    return null;
                }, done -> { }, failed -> { }),
                ProgressThrottle.Scheduler.of(timers), System::nanoTime);
        view = new QueueView(viewModel, bundle);
        // The window's split pane decides the queue's height (the user drags its divider); it may get small.
        view.setMinHeight(0);
        statusBar = new QueueStatusBar(viewModel, bundle);
    }

    /** The three limits as the switch says: the values set while on, none while off. */
    private void applyLimits(Preferences p) {
        queue.setBandwidthLimit(p.effectiveTotalLimit());
        queue.setDownloadLimit(p.effectiveDownloadLimit());
        queue.setUploadLimit(p.effectiveUploadLimit());
    }

    /** A switch of the menus or the status bar (speed limits, conflict default): applied at once and saved. */
    private void switched(Preferences p) {
        applyLimits(p);
        queue.applySettings(p.queueSettings(), conflicts(p));
        try {
            preferencesStore.save(p);
        } catch (java.io.IOException e) {
            problems.add("could not save the preferences: " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(TransferWiring.class).warn("could not save the preferences", e);
        }
    }

    /** The menus' part of the transfers: process or stop the queue, the speed limits, the live preferences. */
    MenuActions menuActions() {
        return new MenuActions(viewModel.commands()::resumeAll, viewModel.commands()::pauseAll, this::openPreferences,
                live, null);
    }

    private ConflictPolicy conflicts(Preferences prefs) {
        return prefs.asksOnConflict() ? ConflictPolicy.asking(asker) : ConflictPolicy.fixed(prefs.conflictDefault());
    }

    /** The preferences window; what it saves applies to the queue at once (see TransferQueue.applySettings). */
    void openPreferences() {
        Preferences current = preferencesStore.load().preferences();
        new PreferencesDialog(Messages.defaults())
                .showAndWait(owner.get(), new PreferencesViewModel(current, preferencesStore::save,
                        saved.credentials()))
                .ifPresent(p -> {
                    saved.useDefaultProxy(p.defaultProxy());
                    queue.applySettings(p.queueSettings(), conflicts(p));
                    applyLimits(p);
                    live.replace(p);
                    openWith = p.openWith();
                });
    }

    /** "Open files with:" of the preferences as saved now; empty for the desktop's default. Any thread. */
    String openWith() {
        return openWith;
    }

    TransferQueue queue() {
        return queue;
    }

    QueueView view() {
        return view;
    }

    /** The queue as the window shows it (for the state dump). */
    QueueViewModel viewModel() {
        return viewModel;
    }

    QueueStatusBar statusBar() {
        return statusBar;
    }

    /** Messages for the user from loading preferences (the journal's go to the log when it is restored). */
    List<String> problems() {
        return problems;
    }

    /** Running transfers stop (their partial files are kept) and are journaled as paused. */
    @Override
    public void close() {
        viewModel.close();
        queue.close();
        // A restore under way finishes first; one not yet begun never begins.
        journalOpening.shutdown();
        try {
            journalOpening.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        QueueJournal opened = journal.getNow(null);
        if (opened != null) {
            opened.close();
        }
        timers.shutdownNow();
    }
}
