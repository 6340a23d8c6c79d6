package org.ferryftp.ui.sites;

/** Which pane of the main window a site opens in. */
public enum PaneSide {
    LEFT, RIGHT
}
