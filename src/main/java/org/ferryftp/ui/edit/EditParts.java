package org.ferryftp.ui.edit;

import org.ferryftp.transfer.edit.FileOpener;
import org.ferryftp.transfer.edit.RemoteEdits;

/**
 * What the window needs to view and edit files, besides itself (the dialogs and the viewer take the window as
 * their owner, so it builds those).
 *
 * @param edits   downloads, checks and uploads
 * @param opener  the application files are edited in
 * @param choices the remembered "upload without asking"
 */
public record EditParts(RemoteEdits edits, FileOpener opener, EditChoices choices) {
}
