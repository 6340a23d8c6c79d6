package org.ferryftp.ui.main;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;

/**
 * The window's middle, top to bottom: log, the two panes, the transfers, with draggable dividers. When the window
 * grows or shrinks, the panes take the difference (the log and the queue keep their height). A collapsed log or
 * queue shrinks to its title bar, and comes back at the height it had.
 */
final class MainSplit {

    private final SplitPane split;
    private final TitledPane log;
    private final TitledPane transfers;
    /** Each divider's position while its pane was last expanded (NaN: not known yet). */
    private final double[] remembered = {Double.NaN, Double.NaN};
    private final StartPositions start;

    MainSplit(TitledPane log, Node panes, TitledPane transfers) {
        this.log = log;
        this.transfers = transfers;
        split = new SplitPane(log, panes, transfers);
        split.setId("main-split");
        split.setOrientation(Orientation.VERTICAL);
        shrinkWhenCollapsed(log, 0);
        shrinkWhenCollapsed(transfers, 1);
        SplitPane.setResizableWithParent(log, false);
        SplitPane.setResizableWithParent(transfers, false);
        start = new StartPositions(split);
    }

    SplitPane node() {
        return split;
    }

    /** Divider positions: log/panes, then panes/transfers (0..1 of the height). */
    double[] positions() {
        double[] now = split.getDividerPositions();
        return new double[] {expandedPosition(log, 0, now[0]), expandedPosition(transfers, 1, now[1])};
    }

    /** Whether the log and the transfers are expanded. */
    boolean[] expanded() {
        return new boolean[] {log.isExpanded(), transfers.isExpanded()};
    }

    /** Positions as {@link #positions()} gives them (where the dividers are while both are expanded). */
    void restore(double[] positions, boolean[] expanded) {
        log.setExpanded(expanded[0]);
        transfers.setExpanded(expanded[1]);
        start.hold(positions);
        System.arraycopy(positions, 0, remembered, 0, 2);
    }

    /** A collapsed pane's divider sits at its title bar; what is remembered is where it was when expanded. */
    private double expandedPosition(TitledPane pane, int divider, double now) {
        return pane.isExpanded() || Double.isNaN(remembered[divider]) ? now : remembered[divider];
    }

    private void shrinkWhenCollapsed(TitledPane pane, int divider) {
        // SplitPane honours a maximum: a collapsed pane may be no taller than its title bar.
        pane.maxHeightProperty().bind(Bindings.when(pane.expandedProperty())
                .then(Double.MAX_VALUE).otherwise(Region.USE_PREF_SIZE));
        pane.expandedProperty().addListener((o, was, expanded) -> {
            start.release();
            // The other divider stays where it is: the room goes to or comes from the panes alone.
            int other = 1 - divider;
            double otherAt = split.getDividerPositions()[other];
            if (expanded) {
                if (!Double.isNaN(remembered[divider])) {
                    split.setDividerPosition(divider, remembered[divider]);
                }
            } else {
                remembered[divider] = split.getDividerPositions()[divider];
                Node bar = pane.lookup(".title");
                double title = (bar == null ? 0 : bar.getLayoutBounds().getHeight()) / Math.max(1, split.getHeight());
                split.setDividerPosition(divider, divider == 0 ? title : 1 - title);
            }
            split.setDividerPosition(other, otherAt);
        });
    }
}
