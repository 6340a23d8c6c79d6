package org.ferryftp.ui.browser;

import org.ferryftp.site.FileActivation;

/**
 * How the panes behave, from the preferences: what a double click or Enter on a file does, and whether a ".." row
 * heads each listing.
 */
public record PaneBehaviour(FileActivation fileActivation, boolean parentRow) {

    /** FileZilla's: a file goes to the other pane; ".." heads the listing. */
    public static final PaneBehaviour FILEZILLA = new PaneBehaviour(FileActivation.TRANSFER, true);

    public PaneBehaviour {
        java.util.Objects.requireNonNull(fileActivation, "fileActivation");
    }
}
