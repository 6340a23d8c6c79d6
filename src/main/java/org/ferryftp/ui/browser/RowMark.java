package org.ferryftp.ui.browser;

/** How a row compares with the row of the same name in the other pane (directory comparison). */
public enum RowMark {
    /** The same size and time (folders: present on both sides). */
    SAME("same"),
    /** Nothing of that name in the other pane. */
    ONLY_HERE("only-here"),
    /** Newer than the other pane's file. */
    NEWER("newer"),
    /** Older than the other pane's file. */
    OLDER("older"),
    /** A different size, or a file where the other pane has a folder. */
    SIZE_DIFFERS("size-differs");

    private final String pseudoClass;

    RowMark(String pseudoClass) {
        this.pseudoClass = pseudoClass;
    }

    /** The CSS pseudo-class of a table row with this mark (ferry.css colours them). */
    public String pseudoClass() {
        return pseudoClass;
    }
}
