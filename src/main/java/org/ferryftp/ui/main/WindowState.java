package org.ferryftp.ui.main;

import java.util.Map;

/**
 * What the window remembers between runs.
 *
 * @param x, y          position, or NaN when unknown (centre on screen)
 * @param width, height size
 * @param maximized     whether it was maximized
 * @param paneDivider   position of the divider between the two panes (0..1)
 * @param treeDividers  tree/table divider of the left and right pane
 * @param columnWidths  width by key such as {@code left.name}
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, double paneDivider,
                          double[] treeDividers, Map<String, Double> columnWidths) {

    public static WindowState defaults() {
        return new WindowState(Double.NaN, Double.NaN, 1400, 860, false, 0.5, new double[] {0.3, 0.3}, Map.of());
    }
}
