package org.ferryftp.ui.main;

import org.ferryftp.transfer.TransferSubmitter;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.BrowserFactory;
import org.ferryftp.ui.browser.PaneDialogs;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.concurrent.UiExecutor;
import org.ferryftp.ui.log.LogBuffer;

import java.util.List;

/**
 * What the main window is built from; the app (or a test) assembles it.
 *
 * @param dialogs   dialogs for the panes, or null for the standard JavaFX dialogs
 * @param stateStore where window layout is remembered, or null to remember nothing
 */
public record MainWindowConfig(Messages messages, UiExecutor executor, BrowserFactory browsers, List<Source> sources,
                               Source leftStart, Source rightStart, TransferSubmitter submitter, LogBuffer log,
                               WindowStateStore stateStore, Theme theme, PaneDialogs dialogs) {
}
