package org.ferryftp.ui.sites;

import org.ferryftp.ui.Messages;

/**
 * What the site manager's commands work with: the sites being edited, their passwords, saving, the dialogs
 * and the messages (one view model's, shared by its {@link SiteCommands}, {@link FolderCommands} and the rest).
 */
record EditContext(SiteList list, SitePasswords passwords, SiteSaver saver, SiteDialogs dialogs, Messages msg) {
}
