package org.ferryftp.ui.support;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.ferryftp.fs.LocalBrowser;
import org.ferryftp.site.SiteCatalog;
import org.ferryftp.site.vault.CredentialStore;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.transfer.TransferSubmitter;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.BrowserFactory;
import org.ferryftp.ui.browser.PaneDialogs;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.StandardBrowserFactory;
import org.ferryftp.ui.concurrent.FxUiExecutor;
import org.ferryftp.ui.log.LogBuffer;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.main.MainWindowConfig;
import org.ferryftp.ui.sites.CatalogBrowserFactory;
import org.ferryftp.ui.sites.FxPasswordPrompt;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static org.ferryftp.ui.support.FxWait.onFx;

/**
 * The real main window, shown on the stage TestFX gives a test, set up as the window tests share it: English
 * messages, a UI executor of two threads, a log of 1000 lines, and, unless the test gives its own, one local source
 * in both panes, scripted dialogs and a submitter that records what reaches the queue. The panes open through the
 * test's browser factory, or, with {@link Builder#localHome}, the real disk and real sessions. Close it after each
 * test.
 */
public final class TestWindow implements AutoCloseable {

    private final MainWindow window;
    private final FxUiExecutor executor;

    private TestWindow(MainWindow window, FxUiExecutor executor) {
        this.window = window;
        this.executor = executor;
    }

    /** Called from a test's {@code @Start} method with its stage. */
    public static Builder on(Stage stage) {
        return new Builder(stage);
    }

    public MainWindow window() {
        return window;
    }

    /** Closes the window (which saves its state, as on exit), then stops the UI executor. */
    @Override
    public void close() {
        onFx(window::close);
        executor.close();
    }

    public static final class Builder {

        private final Stage stage;
        private final Messages msg = new Messages(Locale.ENGLISH);
        private final LogBuffer log = new LogBuffer(1000);
        private BrowserFactory browsers;
        private SiteCatalog catalog;
        private List<Source> sources;
        private Source left;
        private Source right;
        private TransferSubmitter submitter = new RecordingSubmitter();
        private PaneDialogs dialogs = new ScriptedDialogs();
        private UnaryOperator<MainWindowConfig.Builder> extras = b -> b;
        private MainWindow shown;

        private Builder(Stage stage) {
            this.stage = stage;
            Source local = Source.local("Local");
            sources(List.of(local), local, local);
        }

        public Messages msg() {
            return msg;
        }

        /** The window once {@link #show()} has made it: for parts made before it that need it later (the site manager). */
        public Supplier<MainWindow> window() {
            return () -> shown;
        }

        /** Local panes on the real disk, starting in {@code home}; sites through real sessions, which log to the window. */
        public Builder localHome(Path home) {
            StandardBrowserFactory remote = new StandardBrowserFactory(new StandardSessions(log));
            return browsers(s -> s.isLocal() ? new HomeOverrideBrowser(new LocalBrowser(), home.toString())
                    : remote.open(s));
        }

        public Builder browsers(BrowserFactory factory) {
            this.browsers = factory;
            return this;
        }

        /**
         * Saved sites open through the returned catalog, which finds their passwords in {@code credentials} and asks
         * on this test's stage for one it lacks, as the application does.
         */
        public SiteCatalog catalog(CredentialStore credentials) {
            catalog = new SiteCatalog(credentials, new FxPasswordPrompt(() -> stage, msg, Platform::runLater,
                    Platform::isFxApplicationThread));
            return catalog;
        }

        /** The sources the panes offer, and what each pane opens first. */
        public Builder sources(List<Source> all, Source left, Source right) {
            this.sources = all;
            this.left = left;
            this.right = right;
            return this;
        }

        public Builder submitter(TransferSubmitter value) {
            this.submitter = value;
            return this;
        }

        public Builder dialogs(PaneDialogs value) {
            this.dialogs = value;
            return this;
        }

        /** What else the window is given (menus, sites, a config folder...). */
        public Builder with(UnaryOperator<MainWindowConfig.Builder> more) {
            UnaryOperator<MainWindowConfig.Builder> before = extras;
            this.extras = b -> more.apply(before.apply(b));
            return this;
        }

        /** Builds the window and shows it on the stage; call on the FX thread (as {@code @Start} methods are). */
        public TestWindow show() {
            Objects.requireNonNull(browsers, "browsers or localHome");
            FxUiExecutor executor = new FxUiExecutor(2);
            BrowserFactory opening = catalog == null ? browsers : new CatalogBrowserFactory(browsers, catalog);
            shown = new MainWindow(extras.apply(MainWindowConfig.builder(msg, executor, opening, sources, left, right,
                    submitter, log).dialogs(dialogs)).build());
            shown.show(stage);
            return new TestWindow(shown, executor);
        }
    }
}
