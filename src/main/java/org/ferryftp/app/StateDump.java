package org.ferryftp.app;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.ui.Styles;
import org.ferryftp.ui.browser.FileRow;
import org.ferryftp.ui.browser.PaneView;
import org.ferryftp.ui.browser.PaneViewModel;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.main.PaneTabs;
import org.ferryftp.ui.queue.QueueFormat;
import org.ferryftp.ui.queue.QueueRow;
import org.ferryftp.ui.queue.QueueTab;
import org.ferryftp.ui.queue.QueueViewModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * What the window shows, written as JSON to the file that {@value #ENV} names, for the journey test
 * (.ci/gui-journey.sh), which drives the real window with the pointer and keyboard and needs to know where
 * things are and what they say. Every 200 ms it reads the window on the FX thread (panes, their selected
 * rows and where the rows are on the screen, open windows and their controls, the status bar and the
 * queue) and, when that changed, replaces the file atomically. It only reads: it adds no behaviour.
 * Without the variable nothing of this runs (and Jackson is not loaded for it).
 */
final class StateDump implements AutoCloseable {

    static final String ENV = "FERRY_STATE_DUMP";
    private static final int MAX_ROWS = 500;

    /** The whole dump. {@code seq} counts the dumps written, so a reader can wait for a newer one. */
    record Dump(long seq, List<WindowInfo> windows, List<String> dialogs, PaneInfo left, PaneInfo right,
                String status, String queueStatus, List<QueueItem> queue, List<SplitInfo> splits,
                List<TabInfo> leftTabs, List<TabInfo> rightTabs) {

        /** Without the tab lists (a dump read before panes had tabs). */
        Dump(long seq, List<WindowInfo> windows, List<String> dialogs, PaneInfo left, PaneInfo right, String status,
             String queueStatus, List<QueueItem> queue, List<SplitInfo> splits) {
            this(seq, windows, dialogs, left, right, status, queueStatus, queue, splits, List.of(), List.of());
        }

        Dump numbered(long number) {
            return new Dump(number, windows, dialogs, left, right, status, queueStatus, queue, splits, leftTabs,
                    rightTabs);
        }
    }

    /**
     * A tab of a pane, in order: what it shows ({@code source} and {@code siteId} as {@link PaneInfo}'s), its
     * connection's state (SHOWN, CONNECTING or FAILED), whether it is the selected tab (the one "left" or "right"
     * describes), and the centre of its header on the screen (-1 while the header row is hidden: one tab).
     */
    record TabInfo(String source, String siteId, String path, String state, boolean selected, int x, int y) {
    }

    /**
     * A split pane of the main window: its id (or null), where it sits (the id of the nearest ancestor with
     * one), its orientation, divider positions (0..1) and the dividers' centres on the screen.
     */
    record SplitInfo(String id, String within, boolean vertical, List<Double> positions, List<Point> dividers) {
    }

    /** A point on the screen (a record, so that dumps compare by value). */
    record Point(int x, int y) {
    }

    /** A showing window; x, y, width and height in screen pixels. */
    record WindowInfo(String title, String kind, boolean main, boolean focused, int x, int y, int width,
                      int height, List<ControlInfo> controls) {
    }

    /** A control with an id, or a button with text; x and y are its centre on the screen. */
    record ControlInfo(String id, String type, String text, int x, int y, int width, int height,
                       boolean disabled, Boolean selected) {
    }

    /**
     * A row of a file table; x and y are the centre of its name on the screen, or -1 while scrolled away;
     * {@code mark} is its directory-comparison mark (the CSS pseudo-class: same, only-here, newer, older,
     * size-differs), null while no comparison is on.
     */
    record RowInfo(String name, boolean directory, boolean selected, String mark, int x, int y) {
    }

    /**
     * A pane: {@code active} when it is the one quick connect and the toolbar act on; {@code rowsShown} is how
     * many rows its file table has room for.
     */
    record PaneInfo(String source, String siteId, String path, boolean active, boolean busy, String error,
                    String placeholder, int rowsShown, List<String> selected, List<RowInfo> rows, List<String> tree) {
    }

    /** A queue item; x and y are the centre of its row on the screen, or -1 when its tab is not shown. */
    record QueueItem(long id, String tab, String direction, String source, String target, String state,
                     String reason, String note, long size, long bytesDone, int x, int y) {
    }

    private final Path file;
    private final Stage main;
    private final MainWindow window;
    private final QueueViewModel queue;
    private final Consumer<String> problems;
    private final Timeline timer;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ferry-state-dump");
        t.setDaemon(true);
        return t;
    });
    private Dump last;
    private long seq;
    private boolean failed;

    private StateDump(Path file, Stage main, MainWindow window, QueueViewModel queue, Consumer<String> problems) {
        this.file = file.toAbsolutePath();
        this.main = main;
        this.window = window;
        this.queue = queue;
        this.problems = problems;
        this.timer = new Timeline(new KeyFrame(Duration.millis(200), e -> sample()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    /** Starts dumping when {@value #ENV} is set; call on the FX thread after the window is shown. */
    static Optional<StateDump> start(Map<String, String> env, Stage main, MainWindow window, QueueViewModel queue,
                                     Consumer<String> problems) {
        String path = env.get(ENV);
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        StateDump dump = new StateDump(Path.of(path), main, window, queue, problems);
        dump.sample();
        dump.timer.play();
        return Optional.of(dump);
    }

    private void sample() {
        Dump now = read();
        if (now.equals(last)) {
            return;
        }
        last = now;
        Dump numbered = now.numbered(++seq);
        writer.execute(() -> write(StateDumpJson.write(numbered)));
    }

    private void write(String json) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!failed) {
                failed = true;
                problems.accept("cannot write the state dump " + file + ": " + e.getMessage());
            }
        }
    }

    /** The window now, numbered 0. */
    private Dump read() {
        List<WindowInfo> windows = new ArrayList<>();
        List<String> dialogs = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (!w.isShowing() || w.getScene() == null) {
                continue;
            }
            String title = w instanceof Stage s ? s.getTitle() : null;
            if (w instanceof Stage && w != main) {
                dialogs.add(title);
            }
            List<ControlInfo> controls = new ArrayList<>();
            collect(w.getScene().getRoot(), controls);
            windows.add(new WindowInfo(title, w.getClass().getSimpleName(), w == main, w.isFocused(),
                    (int) Math.round(w.getX()), (int) Math.round(w.getY()), (int) Math.round(w.getWidth()),
                    (int) Math.round(w.getHeight()), controls));
        }
        Node status = window.root().lookup("#status");
        Node counts = window.root().lookup("#queue-status-counts");
        return new Dump(0, windows, dialogs, pane(window.left()), pane(window.right()), text(status),
                text(counts), queueItems(), splits(), tabs(window.leftTabs()), tabs(window.rightTabs()));
    }

    private static void collect(Node node, List<ControlInfo> out) {
        if (!node.isVisible()) {
            return;
        }
        boolean named = node.getId() != null;
        boolean button = node instanceof ButtonBase b && b.getText() != null && !b.getText().isBlank();
        if ((named || button) && !(node instanceof TableRow)) {
            Bounds b = node.localToScreen(node.getLayoutBounds());
            if (b != null) {
                Boolean selected = node instanceof CheckBox c ? c.isSelected()
                        : node instanceof RadioButton r ? r.isSelected()
                        : node instanceof ToggleButton t ? t.isSelected() : null;
                out.add(new ControlInfo(node.getId(), node.getClass().getSimpleName(), text(node),
                        (int) Math.round(b.getCenterX()), (int) Math.round(b.getCenterY()),
                        (int) Math.round(b.getWidth()), (int) Math.round(b.getHeight()), node.isDisabled(), selected));
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    /** What a control says; never a password. */
    private static String text(Node node) {
        if (node instanceof PasswordField) {
            return null;
        }
        if (node instanceof Labeled l) {
            return l.getText();
        }
        if (node instanceof TextInputControl t) {
            return t.getText();
        }
        if (node instanceof ComboBoxBase<?> c) {
            return c.getValue() == null ? null : c.getValue().toString();
        }
        return null;
    }

    private static PaneInfo pane(PaneView view) {
        PaneViewModel vm = view.viewModel();
        Map<FileRow, RowInfo> shown = new HashMap<>();
        for (Node n : view.table().lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && row.getItem() instanceof FileRow item && shown(row)) {
                Bounds b = row.localToScreen(row.getLayoutBounds());
                Node viewport = view.table().lookup(".clipped-container");
                if (b != null && viewport != null && inside(b, viewport.localToScreen(viewport.getLayoutBounds()))) {
                    // The name column starts at the left; aim a little into it, where the name is.
                    shown.put(item, new RowInfo(item.name(), item.isDirectory(), row.isSelected(), mark(vm, item),
                            (int) Math.round(b.getMinX() + 60), (int) Math.round(b.getCenterY())));
                }
            }
        }
        List<FileRow> selectedRows = view.selection();
        List<RowInfo> rows = new ArrayList<>();
        for (FileRow r : vm.rows()) {
            if (rows.size() == MAX_ROWS) {
                break;
            }
            rows.add(shown.getOrDefault(r, new RowInfo(r.name(), r.isDirectory(), selectedRows.contains(r),
                    mark(vm, r), -1, -1)));
        }
        List<String> tree = new ArrayList<>();
        if (view.node().lookup("#" + view.node().getId() + "-tree") instanceof TreeView<?> t && t.getRoot() != null) {
            folders(t.getRoot(), tree);
        }
        Source s = vm.sourceProperty().get();
        boolean active = view.node().getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName()
                .equals(Styles.PANE_ACTIVE));
        Node flow = view.table().lookup(".virtual-flow");
        double cell = view.table().getFixedCellSize();
        int rowsShown = flow == null || cell <= 0 ? -1 : (int) (flow.getLayoutBounds().getHeight() / cell);
        return new PaneInfo(s == null ? null : s.label(), s == null || s.isLocal() ? null : s.site().id(),
                vm.pathProperty().get(), active, vm.busyProperty().get(), vm.errorProperty().get(),
                vm.placeholderProperty().get(), rowsShown, selectedRows.stream().map(FileRow::name).toList(), rows,
                tree);
    }

    private static List<TabInfo> tabs(PaneTabs side) {
        List<TabInfo> out = new ArrayList<>();
        for (int i = 0; i < side.tabs().size(); i++) {
            PaneViewModel vm = side.tabs().get(i).viewModel();
            Source s = vm.sourceProperty().get();
            Node header = side.node().lookup("#" + side.side() + "-tab-" + i);
            Bounds b = header != null && shown(header) ? header.localToScreen(header.getLayoutBounds()) : null;
            out.add(new TabInfo(s == null ? null : s.label(), s == null || s.isLocal() ? null : s.site().id(),
                    vm.pathProperty().get(), PaneTabs.state(vm).name(), side.tabs().get(i) == side.selected(),
                    b == null ? -1 : (int) Math.round(b.getCenterX()), b == null ? -1 : (int) Math.round(b.getCenterY())));
        }
        return out;
    }

    private static String mark(PaneViewModel vm, FileRow row) {
        org.ferryftp.ui.browser.RowMark m = vm.marks().of(row);
        return m == null ? null : m.pseudoClass();
    }

    private List<SplitInfo> splits() {
        List<SplitInfo> out = new ArrayList<>();
        for (Node n : window.root().lookupAll(".split-pane")) {
            if (!(n instanceof SplitPane split) || !shown(split)) {
                continue;
            }
            String within = null;
            for (Node p = split.getParent(); p != null && within == null; p = p.getParent()) {
                within = p.getId();
            }
            List<Point> dividers = new ArrayList<>();
            for (Node d : split.lookupAll(".split-pane-divider")) {
                Bounds b = d.getParent() == split ? d.localToScreen(d.getLayoutBounds()) : null;
                if (b != null) {
                    dividers.add(new Point((int) Math.round(b.getCenterX()), (int) Math.round(b.getCenterY())));
                }
            }
            List<Double> positions = new ArrayList<>();
            for (double p : split.getDividerPositions()) {
                positions.add(Math.round(p * 1000) / 1000.0);
            }
            out.add(new SplitInfo(split.getId(), within, split.getOrientation() == Orientation.VERTICAL, positions,
                    dividers));
        }
        return out;
    }

    /** Visible with all its parents: rows of a queue tab that is not selected are not. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Bounds row, Bounds table) {
        return table != null && row.getCenterY() > table.getMinY() && row.getCenterY() < table.getMaxY();
    }

    private static void folders(TreeItem<?> item, List<String> out) {
        out.add(String.valueOf(item.getValue()));
        for (TreeItem<?> child : item.getChildren()) {
            folders(child, out);
        }
    }

    private List<QueueItem> queueItems() {
        Map<Long, Bounds> shown = new HashMap<>();
        for (Node n : window.root().lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && row.getItem() instanceof QueueRow item && shown(row)) {
                Bounds b = row.localToScreen(row.getLayoutBounds());
                Node table = row;
                while (table != null && !(table instanceof javafx.scene.control.TableView)) {
                    table = table.getParent();
                }
                // A row the table's viewport clips away (a queue area too short) is not on the screen.
                Node flow = table == null ? null : table.lookup(".clipped-container");
                if (b != null && flow != null && inside(b, flow.localToScreen(flow.getLayoutBounds()))) {
                    shown.put(item.id(), b);
                }
            }
        }
        List<QueueItem> items = new ArrayList<>();
        for (QueueTab tab : QueueTab.values()) {
            for (QueueRow row : queue.rows(tab)) {
                ItemSnapshot s = row.snapshot();
                items.add(new QueueItem(s.id(), tab.name(), s.direction().name(), where(s.source()),
                        where(s.target()), s.state().getClass().getSimpleName(), QueueFormat.reason(s.state()),
                        s.note(), s.size(), s.bytesDone(), shown.containsKey(s.id()) ? (int) Math.round(shown.get(s.id()).getMinX() + 60) : -1,
                        shown.containsKey(s.id()) ? (int) Math.round(shown.get(s.id()).getCenterY()) : -1));
            }
        }
        return items;
    }

    private static String where(org.ferryftp.fs.Location l) {
        return l == null ? null : l.isLocal() ? l.path() : l.site().id() + ":" + l.path();
    }

    @Override
    public void close() {
        timer.stop();
        writer.shutdown();
    }
}
