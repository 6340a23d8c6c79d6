package org.ferryftp.ui;

/** CSS class names of {@code ferry.css}, in one place so code and stylesheet agree. */
public final class Styles {

    public static final String STYLESHEET = "/org/ferryftp/ui/ferry.css";

    public static final String MAIN = "ferry-main";
    public static final String TOOLBAR = "ferry-toolbar";
    public static final String QUICK_CONNECT = "ferry-quick-connect";
    public static final String PANE = "ferry-pane";
    /** Pseudo-class (not a style class) of the pane with the keyboard focus. */
    public static final String PANE_ACTIVE = "active-pane";
    public static final String PANE_HEADER = "ferry-pane-header";
    /** A side's row of tab headers, one header, and its close button. */
    public static final String PANE_TABS = "ferry-pane-tabs";
    public static final String PANE_TAB = "ferry-pane-tab";
    public static final String PANE_TAB_CLOSE = "ferry-pane-tab-close";
    public static final String PATH_BAR = "ferry-path-bar";
    public static final String FILE_TABLE = "ferry-file-table";
    public static final String DIR_TREE = "ferry-dir-tree";
    public static final String ERROR_BOX = "ferry-error-box";
    public static final String ERROR_TITLE = "ferry-error-title";
    public static final String ERROR_TEXT = "ferry-error-text";
    public static final String WARNING_BADGE = "ferry-warning-badge";
    public static final String UNPARSED_LINES = "ferry-unparsed-lines";
    public static final String ICON_FOLDER = "ferry-icon-folder";
    public static final String ICON_FILE = "ferry-icon-file";
    public static final String ICON_LINK = "ferry-icon-link";
    public static final String LOG = "ferry-log";
    public static final String LOG_SENT = "ferry-log-sent";
    public static final String LOG_RECEIVED = "ferry-log-received";
    public static final String LOG_INFO = "ferry-log-info";
    public static final String LOG_ERROR = "ferry-log-error";
    /** The note an empty log shows. */
    public static final String LOG_EMPTY = "ferry-log-empty";
    public static final String TRANSFERS = "ferry-transfers";
    public static final String TRANSFERS_EMPTY = "ferry-transfers-empty";
    public static final String STATUS_BAR = "ferry-status-bar";
    public static final String DROP_TARGET = "ferry-drop-target";
    public static final String DROP_ROW = "ferry-drop-row";
    public static final String MONO = "ferry-mono";
    /** A dialog pane with Ferry's padding, and its bold first line. */
    public static final String DIALOG = "ferry-dialog";
    public static final String DIALOG_HEADER = "ferry-dialog-header";
    public static final String TLS_DIALOG = "ferry-tls-dialog";
    public static final String TLS_HEADER = "ferry-tls-header";
    public static final String TLS_WARNING = "ferry-tls-warning";
    public static final String TLS_FACTS = "ferry-tls-facts";
    public static final String TLS_KEY = "ferry-tls-key";
    public static final String PREFS_DIALOG = "ferry-prefs-dialog";
    public static final String PREFS_FORM = "ferry-prefs-form";
    public static final String PREFS_NOTE = "ferry-prefs-note";
    public static final String PREFS_ERROR = "ferry-prefs-error";
    public static final String SITE_MANAGER = "ferry-site-manager";
    public static final String SITE_FORM = "ferry-site-form";
    public static final String SITE_TREE = "ferry-site-tree";
    public static final String SITE_ERROR = "ferry-site-error";
    public static final String SITE_STATUS = "ferry-site-status";
    public static final String SITE_BUTTONS = "ferry-site-buttons";
    /** The finished-transfers notice in the queue's tab strip and its icon. */
    public static final String NOTIFICATION = "ferry-notification";
    public static final String NOTIFICATION_DONE = "ferry-notification-done";
    public static final String NOTIFICATION_FAILED = "ferry-notification-failed";

    /** The comparison and synchronized-browsing bar, its colour legend, its counts, and the missing-folder notice. */
    public static final String COMPARE_BAR = "ferry-compare-bar";
    public static final String COMPARE_LEGEND = "ferry-compare-legend";
    public static final String COMPARE_SUMMARY = "ferry-compare-summary";
    public static final String SYNC_NOTICE = "ferry-sync-notice";

    private Styles() {
    }

    /** The status bar's speed-limit switch. */
    public static final String SPEED_SWITCH = "ferry-speed-switch";
}
