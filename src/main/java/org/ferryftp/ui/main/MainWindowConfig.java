package org.ferryftp.ui.main;

import org.ferryftp.transfer.TransferSubmitter;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.bookmarks.BookmarkDialogs;
import org.ferryftp.ui.browser.BrowserFactory;
import org.ferryftp.ui.browser.PaneDialogs;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.concurrent.UiExecutor;
import org.ferryftp.ui.edit.EditParts;
import org.ferryftp.ui.log.LogBuffer;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the main window is built from; the app (or a test) assembles it with {@link #builder}, which gives every
 * optional part its default.
 *
 * @param stateStore where window layout is remembered, or null to remember nothing
 * @param theme     light or dark; light unless given
 * @param dialogs   dialogs for the panes, or null for the standard JavaFX dialogs
 * @param transfersView the transfer queue view for the bottom area, or null for an empty area
 * @param transfersNotice what the transfers view announces (a finished batch), empty or null when nothing; the
 *                      folded Transfers pane's title bar says it, since the view cannot be seen then; null for none
 * @param statusExtras  nodes shown at the right of the status bar (queue totals), or null
 * @param sites         the saved sites (site manager, "Save as site"), or null for none
 * @param preferences   opens the preferences window, or null for none
 * @param quickHistory  the quick-connect bar's recent connections, or null to keep none
 * @param openLogFolder shows the folder of the application log (the log pane's menu), or null for none
 * @param configDir     where the bookmarks and the comparison settings are kept, or null to keep them in memory
 * @param bookmarkDialogs the bookmark dialogs, or null for the standard JavaFX ones
 * @param menus         what the menu bar does with the queue and the preferences; nothing unless given
 * @param editing       what View and Edit of files need, or null for panes without them
 * @param laterSources  sources that are known only after the first frame (the saved sites, read then), added to
 *                      {@code sources} when they come; a remembered tab of one of them waits for them; none unless given
 */
public record MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                               Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                               WindowStateStore stateStore, Theme theme, PaneDialogs dialogs, Node transfersView,
                               ObservableValue<String> transfersNotice, Node statusExtras, SiteActions sites,
                               Runnable preferences, QuickConnectHistory quickHistory, Runnable openLogFolder,
                               Path configDir, BookmarkDialogs bookmarkDialogs, MenuActions menus, EditParts editing,
                               CompletionStage<List<Source>> laterSources) {

    public MainWindowConfig {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(browsers, "browsers");
        Objects.requireNonNull(theme, "theme");
        menus = menus == null ? MenuActions.none() : menus;
        laterSources = laterSources == null ? CompletableFuture.completedFuture(List.of()) : laterSources;
    }

    /**
     * What every window needs; the rest is optional.
     *
     * @param sources    what the panes can open
     * @param leftStart  what the left pane opens first
     * @param rightStart what the right pane opens first
     * @param submitter  where transfers go
     * @param log        the protocol log shown in the window
     */
    public static Builder builder(Messages messages, UiExecutor executor, BrowserFactory browsers,
                                  List<Source> sources, Source leftStart, Source rightStart,
                                  TransferSubmitter submitter, LogBuffer log) {
        return new Builder(messages, executor, browsers, sources, leftStart, rightStart, submitter, log);
    }

    /** Builds a {@link MainWindowConfig}; each part not set keeps the default its record component names. */
    public static final class Builder {
        private final Messages messages;
        private final UiExecutor executor;
        private final BrowserFactory browsers;
        private final List<Source> sources;
        private final Source leftStart;
        private final Source rightStart;
        private final TransferSubmitter submitter;
        private final LogBuffer log;
        private WindowStateStore stateStore;
        private Theme theme;
        private PaneDialogs dialogs;
        private Node transfersView;
        private ObservableValue<String> transfersNotice;
        private Node statusExtras;
        private SiteActions sites;
        private Runnable preferences;
        private QuickConnectHistory quickHistory;
        private Runnable openLogFolder;
        private Path configDir;
        private BookmarkDialogs bookmarkDialogs;
        private MenuActions menus;
        private EditParts editing;
        private CompletionStage<List<Source>> laterSources;

        private Builder(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                        Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log) {
            this.messages = messages;
            this.executor = executor;
            this.browsers = browsers;
            this.sources = sources;
            this.leftStart = leftStart;
            this.rightStart = rightStart;
            this.submitter = submitter;
            this.log = log;
        }

        public Builder stateStore(WindowStateStore value) {
            stateStore = value;
            return this;
        }

        public Builder theme(Theme value) {
            theme = value;
            return this;
        }

        public Builder dialogs(PaneDialogs value) {
            dialogs = value;
            return this;
        }

        public Builder transfersView(Node value) {
            transfersView = value;
            return this;
        }

        public Builder transfersNotice(ObservableValue<String> value) {
            transfersNotice = value;
            return this;
        }

        public Builder statusExtras(Node value) {
            statusExtras = value;
            return this;
        }

        public Builder sites(SiteActions value) {
            sites = value;
            return this;
        }

        public Builder preferences(Runnable value) {
            preferences = value;
            return this;
        }

        public Builder quickHistory(QuickConnectHistory value) {
            quickHistory = value;
            return this;
        }

        public Builder openLogFolder(Runnable value) {
            openLogFolder = value;
            return this;
        }

        public Builder configDir(Path value) {
            configDir = value;
            return this;
        }

        public Builder bookmarkDialogs(BookmarkDialogs value) {
            bookmarkDialogs = value;
            return this;
        }

        public Builder menus(MenuActions value) {
            menus = value;
            return this;
        }

        public Builder editing(EditParts value) {
            editing = value;
            return this;
        }

        public Builder laterSources(CompletionStage<List<Source>> value) {
            laterSources = value;
            return this;
        }

        public MainWindowConfig build() {
            return new MainWindowConfig(messages, executor, browsers, sources, leftStart, rightStart, submitter, log,
                    stateStore, theme == null ? new Theme(false) : theme, dialogs, transfersView, transfersNotice,
                    statusExtras, sites, preferences, quickHistory, openLogFolder, configDir, bookmarkDialogs, menus,
                    editing, laterSources);
        }
    }
}
