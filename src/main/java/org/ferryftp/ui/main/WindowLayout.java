package org.ferryftp.ui.main;

import javafx.beans.value.ObservableValue;
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

    /** Small enough for a 1024x768 screen with a panel, big enough for both panes and the queue. */
    static final double MIN_WIDTH = 760;
    static final double MIN_HEIGHT = 520;

    private final WindowStateStore store;
    private final MainSplit middle;
    private final SplitPane panes;
    private final ObservableValue<PaneView> left;
    private final ObservableValue<PaneView> right;
    private WindowState state = WindowState.defaults();
    private final StartPositions leftTree;
    private final StartPositions rightTree;

    /** @param left the pane the left side shows now (its selected tab), likewise {@code right}: the one saved */
    WindowLayout(WindowStateStore store, MainSplit middle, SplitPane panes, ObservableValue<PaneView> left,
                 ObservableValue<PaneView> right) {
        this.store = store;
        this.middle = middle;
        this.leftTree = new StartPositions(left.getValue().treeSplit());
        this.rightTree = new StartPositions(right.getValue().treeSplit());
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
        // Never a window too small to use, whatever a window manager does (see reapplySize).
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        boolean onScreen = Double.isFinite(state.x()) && Double.isFinite(state.y())
                && !Screen.getScreensForRectangle(state.x(), state.y(), 100, 40).isEmpty();
        if (onScreen) {
            stage.setX(state.x());
            stage.setY(state.y());
        } else {
            stage.centerOnScreen();
        }
        if (state.maximized()) {
            // Only ever to maximize: setMaximized(false) on a window that is not maximized makes some X
            // window managers (openbox) "restore" it to the scene's tiny first size, 198x175.
            stage.setMaximized(true);
        }
        columns(left.getValue(), "left", state.columnWidths());
        columns(right.getValue(), "right", state.columnWidths());
    }

    /**
     * Sets the restored size again once the window is up. JavaFX 21 on GTK (JDK-8316423, fixed in 22)
     * lets some window managers (openbox, newer mutter) shrink a new window to GTK's default 200x200
     * right after it is mapped, ignoring the size set before showing.
     */
    void reapplySize(Stage stage) {
        if (stage.isMaximized()) {
            return;
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(state.width(), screen.getWidth()));
        stage.setHeight(Math.min(state.height(), screen.getHeight()));
    }

    /** After the stage is shown (split panes ignore dividers before their first layout). */
    void applyDividers() {
        middle.restore(state.mainDividers(), state.expanded());
        panes.setDividerPositions(state.paneDivider());
        leftTree.hold(state.treeDividers()[0]);
        rightTree.hold(state.treeDividers()[1]);
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
        for (PaneView p : new PaneView[] {left.getValue(), right.getValue()}) {
            String side = p == left.getValue() ? "left" : "right";
            for (TableColumn<?, ?> c : p.table().getColumns()) {
                widths.put(side + "." + c.getId(), c.getWidth());
            }
        }
        boolean max = stage.isMaximized();
        store.save(new WindowState(max ? state.x() : stage.getX(), max ? state.y() : stage.getY(),
                max ? state.width() : stage.getWidth(), max ? state.height() : stage.getHeight(), max,
                middle.positions(), middle.expanded(), panes.getDividerPositions()[0], new double[] {left.getValue().treeSplit().getDividerPositions()[0],
                    right.getValue().treeSplit().getDividerPositions()[0]}, widths));
    }
}
