package org.ferryftp.ui.browser;

import org.ferryftp.fs.Location;

/** "View" and "Edit" of a file in a pane (Shift+F4 and F4); the window supplies them (ui/edit/RemoteFiles). */
public interface FileOpening {

    /** Neither: the pane's menu items do nothing (tests of panes alone). */
    FileOpening NONE = new FileOpening() {
        @Override
        public void view(Location file) {
        }

        @Override
        public void edit(Location file) {
        }

        @Override
        public void editWith(Location file) {
        }
    };

    /** Shows the file in Ferry's quick viewer. */
    void view(Location file);

    /** Opens the file in another application; a remote file's saves are offered for upload. */
    void edit(Location file);

    /** "Open with…": as {@link #edit}, in a program the user picks for this file only. */
    void editWith(Location file);
}
