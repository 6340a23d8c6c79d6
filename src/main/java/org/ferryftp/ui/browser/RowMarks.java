package org.ferryftp.ui.browser;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The marks a comparison puts on a pane's rows, by name, and whether rows marked {@link RowMark#SAME} are hidden.
 * Empty unless a comparison is on. UI thread only.
 */
public final class RowMarks {

    private final ReadOnlyObjectWrapper<Map<String, RowMark>> marks = new ReadOnlyObjectWrapper<>(this, "marks", Map.of());
    private final ReadOnlyBooleanWrapper hideSame = new ReadOnlyBooleanWrapper(this, "hideSame");

    public ReadOnlyObjectProperty<Map<String, RowMark>> marksProperty() {
        return marks.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hideSameProperty() {
        return hideSame.getReadOnlyProperty();
    }

    public void set(Map<String, RowMark> byName) {
        marks.set(Map.copyOf(byName));
    }

    public void setHideSame(boolean hide) {
        hideSame.set(hide);
    }

    public void clear() {
        hideSame.set(false);
        marks.set(Map.of());
    }

    /** The row's mark, or null when it has none. */
    public RowMark of(FileRow row) {
        return marks.get().get(row.name());
    }

    /** {@code rows} without the identical files when those are hidden; folders always stay (they lead somewhere). */
    List<FileRow> keep(List<FileRow> rows) {
        if (!hideSame.get() || marks.get().isEmpty()) {
            return rows;
        }
        List<FileRow> kept = new ArrayList<>(rows.size());
        for (FileRow r : rows) {
            if (r.isDirectory() || of(r) != RowMark.SAME) {
                kept.add(r);
            }
        }
        return kept;
    }
}
