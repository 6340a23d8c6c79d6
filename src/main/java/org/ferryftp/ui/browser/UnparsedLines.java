package org.ferryftp.ui.browser;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;

/**
 * The listing lines Ferry could not read, shown greyed under the files (never as files: nothing can be done with
 * them), each with a tooltip saying why; hidden when there are none. At most four rows high, then it scrolls.
 */
final class UnparsedLines {

    private static final int ROWS = 4;
    private static final double ROW_HEIGHT = 24;

    private final ListView<String> list;
    /** Holds the list once there are lines: before, it is not in the scene and costs the window's first frame nothing. */
    private final VBox holder = new VBox();

    UnparsedLines(ObservableList<String> lines, Messages msg, String id) {
        list = new ListView<>(lines);
        list.setId(id + "-unparsed-lines");
        list.getStyleClass().addAll(Styles.UNPARSED_LINES, Styles.MONO);
        list.setFocusTraversable(false);
        list.setFixedCellSize(ROW_HEIGHT);
        list.visibleProperty().bind(Bindings.isNotEmpty(lines));
        list.managedProperty().bind(list.visibleProperty());
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(ROWS, lines.size()) * ROW_HEIGHT + 4, lines));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                String shown = empty || line == null ? null : UnparsedDialog.printable(line);
                setText(shown);
                setTooltip(shown == null ? null : new Tooltip(msg.get("unparsed.line") + "\n" + shown));
            }
        });
        if (!lines.isEmpty()) {
            holder.getChildren().add(list);
        } else {
            lines.addListener(new ListChangeListener<String>() {
                @Override
                public void onChanged(Change<? extends String> c) {
                    if (!lines.isEmpty()) {
                        lines.removeListener(this);
                        holder.getChildren().add(list);
                    }
                }
            });
        }
    }

    Node node() {
        return holder;
    }
}
