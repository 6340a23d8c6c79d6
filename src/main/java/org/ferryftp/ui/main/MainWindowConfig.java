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

import javafx.scene.Node;

import java.nio.file.Path;
import java.util.List;

/**
 * What the main window is built from; the app (or a test) assembles it.
 *
 * @param dialogs   dialogs for the panes, or null for the standard JavaFX dialogs
 * @param stateStore where window layout is remembered, or null to remember nothing
 * @param transfersView the transfer queue view for the bottom area, or null for an empty area
 * @param statusExtras  nodes shown at the right of the status bar (queue totals), or null
 * @param sites         the saved sites (site manager, "Save as site"), or null for none
 * @param quickHistory  the quick-connect bar's recent connections, or null to keep none
 * @param openLogFolder shows the folder of the application log (the log pane's menu), or null for none
 * @param configDir     where the bookmarks and the comparison settings are kept, or null to keep them in memory
 * @param bookmarkDialogs the bookmark dialogs, or null for the standard JavaFX ones
 * @param menus         what the menu bar does with the queue and the preferences
 * @param editing       what View and Edit of files need, or null for panes without them
 */
public record MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                               Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                               WindowStateStore stateStore, Theme theme, PaneDialogs dialogs, Node transfersView,
                               Node statusExtras, SiteActions sites, Runnable preferences,
                               QuickConnectHistory quickHistory, Runnable openLogFolder, Path configDir,
                               BookmarkDialogs bookmarkDialogs, MenuActions menus, EditParts editing) {

    public MainWindowConfig {
        menus = menus == null ? MenuActions.none() : menus;
    }

    /** Without View and Edit of files. */
    public MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                            Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                            WindowStateStore stateStore, Theme theme, PaneDialogs dialogs, Node transfersView,
                            Node statusExtras, SiteActions sites, Runnable preferences,
                            QuickConnectHistory quickHistory, Runnable openLogFolder, Path configDir,
                            BookmarkDialogs bookmarkDialogs, MenuActions menus) {
        this(messages, executor, browsers, sources, leftStart, rightStart, submitter, log, stateStore, theme, dialogs,
                transfersView, statusExtras, sites, preferences, quickHistory, openLogFolder, configDir,
                bookmarkDialogs, menus, null);
    }

    /** Without menu actions (the menus' queue items do nothing; the panes behave as FileZilla's). */
    public MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                            Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                            WindowStateStore stateStore, Theme theme, PaneDialogs dialogs, Node transfersView,
                            Node statusExtras, SiteActions sites, Runnable preferences,
                            QuickConnectHistory quickHistory, Runnable openLogFolder, Path configDir,
                            BookmarkDialogs bookmarkDialogs) {
        this(messages, executor, browsers, sources, leftStart, rightStart, submitter, log, stateStore, theme, dialogs,
                transfersView, statusExtras, sites, preferences, quickHistory, openLogFolder, configDir,
                bookmarkDialogs, null, null);
    }

    /** Bookmarks and comparison settings in memory, with the standard dialogs. */
    public MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                            Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                            WindowStateStore stateStore, Theme theme, PaneDialogs dialogs, Node transfersView,
                            Node statusExtras, SiteActions sites, Runnable preferences,
                            QuickConnectHistory quickHistory, Runnable openLogFolder, MenuActions menus) {
        this(messages, executor, browsers, sources, leftStart, rightStart, submitter, log, stateStore, theme, dialogs,
                transfersView, statusExtras, sites, preferences, quickHistory, openLogFolder, null, null, menus, null);
    }

    /** View and Edit of files, without bookmarks kept on disk or menu actions. */
    public MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                            Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                            WindowStateStore stateStore, Theme theme, PaneDialogs dialogs, Node transfersView,
                            Node statusExtras, SiteActions sites, Runnable preferences,
                            QuickConnectHistory quickHistory, Runnable openLogFolder, EditParts editing) {
        this(messages, executor, browsers, sources, leftStart, rightStart, submitter, log, stateStore, theme, dialogs,
                transfersView, statusExtras, sites, preferences, quickHistory, openLogFolder, null, null, null, editing);
    }

    /** Without bookmarks kept on disk, menu actions, or View and Edit. */
    public MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                            Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                            WindowStateStore stateStore, Theme theme, PaneDialogs dialogs, Node transfersView,
                            Node statusExtras, SiteActions sites, Runnable preferences,
                            QuickConnectHistory quickHistory, Runnable openLogFolder) {
        this(messages, executor, browsers, sources, leftStart, rightStart, submitter, log, stateStore, theme, dialogs,
                transfersView, statusExtras, sites, preferences, quickHistory, openLogFolder, null, null, null, null);
    }

    /** Without "Open log folder". */
    public MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                            Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                            WindowStateStore stateStore, Theme theme, PaneDialogs dialogs, Node transfersView,
                            Node statusExtras, SiteActions sites, Runnable preferences,
                            QuickConnectHistory quickHistory) {
        this(messages, executor, browsers, sources, leftStart, rightStart, submitter, log, stateStore, theme, dialogs,
                transfersView, statusExtras, sites, preferences, quickHistory, null);
    }

    /** Without a quick-connect history. */
    public MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                            Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                            WindowStateStore stateStore, Theme theme, PaneDialogs dialogs, Node transfersView,
                            Node statusExtras, SiteActions sites, Runnable preferences) {
        this(messages, executor, browsers, sources, leftStart, rightStart, submitter, log, stateStore, theme, dialogs,
                transfersView, statusExtras, sites, preferences, null);
    }

    /** Without a preferences window. */
    public MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                            Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                            WindowStateStore stateStore, Theme theme, PaneDialogs dialogs, Node transfersView,
                            Node statusExtras, SiteActions sites) {
        this(messages, executor, browsers, sources, leftStart, rightStart, submitter, log, stateStore, theme, dialogs,
                transfersView, statusExtras, sites, null);
    }

    /** Without saved sites. */
    public MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                            Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                            WindowStateStore stateStore, Theme theme, PaneDialogs dialogs, Node transfersView,
                            Node statusExtras) {
        this(messages, executor, browsers, sources, leftStart, rightStart, submitter, log, stateStore, theme, dialogs,
                transfersView, statusExtras, null, null);
    }

    /** Without a queue view (tests of the panes alone). */
    public MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                            Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                            WindowStateStore stateStore, Theme theme, PaneDialogs dialogs) {
        this(messages, executor, browsers, sources, leftStart, rightStart, submitter, log, stateStore, theme, dialogs,
                null, null, null);
    }
}
