package org.ferryftp.ui.main;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Keeps {@link WindowState} in a small properties file; a missing or corrupt file gives the defaults. */
public final class WindowStateStore {

    private static final String COLUMN = "column.";
    private final Path file;

    public WindowStateStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public WindowState load() {
        WindowState d = WindowState.defaults();
        if (!Files.isRegularFile(file)) {
            return d;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return d;
        }
        Map<String, Double> columns = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(COLUMN)) {
                double w = number(p, key, -1, 10, 2000);
                if (w > 0) {
                    columns.put(key.substring(COLUMN.length()), w);
                }
            }
        }
        return new WindowState(number(p, "x", Double.NaN, -20000, 20000), number(p, "y", Double.NaN, -20000, 20000),
                number(p, "width", d.width(), 400, 20000), number(p, "height", d.height(), 300, 20000),
                Boolean.parseBoolean(p.getProperty("maximized", "false")),
                mainDividers(p, d.mainDividers()),
                new boolean[] {flag(p, "log.expanded", d.expanded()[0]), flag(p, "transfers.expanded", d.expanded()[1])},
                number(p, "divider.panes", d.paneDivider(), 0.05, 0.95),
                new double[] {number(p, "divider.left.tree", d.treeDividers()[0], 0.0, 0.9),
                    number(p, "divider.right.tree", d.treeDividers()[1], 0.0, 0.9)}, columns);
    }

    private static boolean flag(Properties p, String key, boolean fallback) {
        String v = p.getProperty(key, "").trim();
        return v.equalsIgnoreCase("true") || !v.equalsIgnoreCase("false") && fallback;
    }

    /** Both or neither: a log divider below the queue's would make no sense. */
    private static double[] mainDividers(Properties p, double[] fallback) {
        double log = number(p, "divider.log", Double.NaN, 0.0, 0.9);
        double transfers = number(p, "divider.transfers", Double.NaN, 0.1, 1.0);
        return Double.isNaN(log) || Double.isNaN(transfers) || log >= transfers ? fallback
                : new double[] {log, transfers};
    }

    private static double number(Properties p, String key, double fallback, double min, double max) {
        try {
            double v = Double.parseDouble(p.getProperty(key, ""));
            return Double.isFinite(v) && v >= min && v <= max ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Writes atomically (temp file then move); failures are returned, never thrown at the closing window. */
    public IOException save(WindowState s) {
        Properties p = new Properties();
        if (Double.isFinite(s.x()) && Double.isFinite(s.y())) {
            p.setProperty("x", Double.toString(s.x()));
            p.setProperty("y", Double.toString(s.y()));
        }
        p.setProperty("width", Double.toString(s.width()));
        p.setProperty("height", Double.toString(s.height()));
        p.setProperty("maximized", Boolean.toString(s.maximized()));
        p.setProperty("divider.log", Double.toString(s.mainDividers()[0]));
        p.setProperty("divider.transfers", Double.toString(s.mainDividers()[1]));
        p.setProperty("log.expanded", Boolean.toString(s.expanded()[0]));
        p.setProperty("transfers.expanded", Boolean.toString(s.expanded()[1]));
        p.setProperty("divider.panes", Double.toString(s.paneDivider()));
        p.setProperty("divider.left.tree", Double.toString(s.treeDividers()[0]));
        p.setProperty("divider.right.tree", Double.toString(s.treeDividers()[1]));
        s.columnWidths().forEach((k, v) -> p.setProperty(COLUMN + k, Double.toString(v)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Ferry window layout");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            return null;
        } catch (IOException e) {
            return e;
        }
    }
}
