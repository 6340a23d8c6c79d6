package org.ferryftp.ui.main;

import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.ferryftp.ui.browser.PaneView;

import java.util.HashMap;
import java.util.Map;

/** Restores and saves window size, dividers and column widths through a {@link WindowStateStore}. */
final class WindowLayout {

    private final WindowStateStore store;
    private final SplitPane panes;
    private final PaneView left;
    private final PaneView right;
    private WindowState state = WindowState.defaults();

    WindowLayout(WindowStateStore store, SplitPane panes, PaneView left, PaneView right) {
        this.store = store;
        this.panes = panes;
        this.left = left;
        this.right = right;
    }

    void restore(Stage stage) {
        state = store == null ? WindowState.defaults() : store.load();
        // A remembered size may come from a bigger monitor: never exceed the screen we are on now.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(state.width(), screen.getWidth()));
        stage.setHeight(Math.min(state.height(), screen.getHeight()));
        boolean onScreen = Double.isFinite(state.x()) && Double.isFinite(state.y())
                && !Screen.getScreensForRectangle(state.x(), state.y(), 100, 40).isEmpty();
        if (onScreen) {
            stage.setX(state.x());
            stage.setY(state.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(state.maximized());
        columns(left, "left", state.columnWidths());
        columns(right, "right", state.columnWidths());
    }

    /** After the stage is shown (split panes ignore dividers before their first layout). */
    void applyDividers() {
        panes.setDividerPositions(state.paneDivider());
        left.treeSplit().setDividerPositions(state.treeDividers()[0]);
        right.treeSplit().setDividerPositions(state.treeDividers()[1]);
    }

    private static void columns(PaneView pane, String side, Map<String, Double> widths) {
        for (TableColumn<?, ?> c : pane.table().getColumns()) {
            Double w = widths.get(side + "." + c.getId());
            if (w != null) {
                c.setPrefWidth(w);
            }
        }
    }

    void save(Stage stage) {
        if (store == null) {
            return;
        }
        Map<String, Double> widths = new HashMap<>();
        for (PaneView p : new PaneView[] {left, right}) {
            String side = p == left ? "left" : "right";
            for (TableColumn<?, ?> c : p.table().getColumns()) {
                widths.put(side + "." + c.getId(), c.getWidth());
            }
        }
        boolean max = stage.isMaximized();
        store.save(new WindowState(max ? state.x() : stage.getX(), max ? state.y() : stage.getY(),
                max ? state.width() : stage.getWidth(), max ? state.height() : stage.getHeight(), max,
                panes.getDividerPositions()[0], new double[] {left.treeSplit().getDividerPositions()[0],
                    right.treeSplit().getDividerPositions()[0]}, widths));
    }
}
