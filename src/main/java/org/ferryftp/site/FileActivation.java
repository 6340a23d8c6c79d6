package org.ferryftp.site;

/** What a double click or Enter on a file does, as FileZilla lets its users choose. */
public enum FileActivation {
    /** Queue it into the other pane's folder (FileZilla's default). */
    TRANSFER,
    /** Open it read-only (needs the viewer, which comes later). */
    VIEW,
    /** Open it for editing and upload it when saved (needs the editor, which comes later). */
    EDIT,
    /** Nothing: only folders react. */
    NOTHING;

    /** Whether this build can do it; the preferences show the others disabled. */
    public boolean available() {
        return this == TRANSFER || this == NOTHING;
    }
}
