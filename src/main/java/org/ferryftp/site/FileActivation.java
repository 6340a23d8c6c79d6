package org.ferryftp.site;

/** What a double click or Enter on a file does, as FileZilla lets its users choose. */
public enum FileActivation {
    /** Queue it into the other pane's folder (FileZilla's default). */
    TRANSFER,
    /** Open it in Ferry's quick viewer. */
    VIEW,
    /** Open it in its application and offer each save for upload. */
    EDIT,
    /** Nothing: only folders react. */
    NOTHING;
}
