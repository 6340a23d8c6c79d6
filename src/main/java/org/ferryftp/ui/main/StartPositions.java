package org.ferryftp.ui.main;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * Holds a split pane's dividers at the positions the window starts with while the window settles. A window manager
 * may map the window small and grow it after (see {@link WindowLayout#reapplySize}), and parts that keep their
 * height on a resize would keep what the small window left them; so each new size gets the start positions again
 * (after the layout that resized the parts) until the user presses inside the split pane, to drag a divider or
 * anything else.
 */
final class StartPositions {

    private final SplitPane split;
    private double[] positions;

    StartPositions(SplitPane split) {
        this.split = split;
        (split.getOrientation() == Orientation.VERTICAL ? split.heightProperty() : split.widthProperty())
                .addListener((o, was, now) -> Platform.runLater(this::reapply));
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> release());
    }

    void hold(double... start) {
        positions = start.clone();
        split.setDividerPositions(positions);
    }

    /** From now on the dividers are the user's. */
    void release() {
        positions = null;
    }

    private void reapply() {
        if (positions != null) {
            split.setDividerPositions(positions);
        }
    }
}
