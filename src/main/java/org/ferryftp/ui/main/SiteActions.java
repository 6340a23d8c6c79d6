package org.ferryftp.ui.main;

/** What the main window asks of the saved sites: open the site manager, save a quick connection. */
public interface SiteActions {

    void openManager();

    /** Saves the quick-connect fields as a site; returns a message for the status bar. */
    String saveQuickConnect(QuickConnect.Result quick);
}
