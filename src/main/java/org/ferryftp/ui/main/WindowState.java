package org.ferryftp.ui.main;

import java.util.Map;

/**
 * What the window remembers between runs.
 *
 * @param x, y          position, or NaN when unknown (centre on screen)
 * @param width, height size
 * @param maximized     whether it was maximized
 * @param mainDividers  dividers of the window's middle: log/panes and panes/transfers (0..1), where they are while
 *                      the log and the transfers are expanded
 * @param expanded      whether the log and the transfers are expanded (a collapsed one shows only its title)
 * @param paneDivider   position of the divider between the two panes (0..1)
 * @param treeDividers  tree/table divider of the left and right pane
 * @param columnWidths  width by key such as {@code left.name}
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, double[] mainDividers,
                          boolean[] expanded, double paneDivider,
                          double[] treeDividers, Map<String, Double> columnWidths) {

    public static WindowState defaults() {
        // The file tables get most of the height: 15 rows or more at 1400x860, with the log collapsed to its title
        // (the status bar shows the last message), under the menu bar and the toolbar.
        return new WindowState(Double.NaN, Double.NaN, 1400, 860, false, new double[] {0.15, 0.83},
                new boolean[] {false, true}, 0.5,
                new double[] {0.13, 0.13}, Map.of());
    }
}
