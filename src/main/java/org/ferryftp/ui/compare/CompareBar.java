package org.ferryftp.ui.compare;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.ferryftp.ui.browser.FileRow;
import org.ferryftp.ui.browser.PaneView;
import org.ferryftp.ui.browser.RowMark;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.List;

/**
 * The bar above the panes: the comparison and synchronized-browsing toggles; while comparing, the colour legend,
 * "hide identical", "select differing", the tolerance, each site's time offset and the counts; and the notice of a
 * missing counterpart folder with "create it". Every action also has a key (the View menu: {@link #viewMenuItems()}).
 */
public final class CompareBar {

    private final VBox root;
    private final ComparisonViewModel comparison;
    private final SyncBrowsing sync;
    private final ObservableValue<PaneView> left;
    private final ObservableValue<PaneView> right;
    private final ToggleButton compareToggle;
    private final ToggleButton syncToggle;
    private final ToggleButton hide;
    private final Messages msg;
    private final List<Labeled> labelled;
    private final Label summary;
    private double fullWidth;
    private boolean compact;

    private static final double SUMMARY_MIN = 120;

    /** @param left the pane the left side shows now (its selected tab), likewise {@code right} */
    public CompareBar(ComparisonViewModel comparison, SyncBrowsing sync, ObservableValue<PaneView> left,
                      ObservableValue<PaneView> right, Messages msg) {
        this.msg = msg;
        this.comparison = comparison;
        this.sync = sync;
        this.left = left;
        this.right = right;
        compareToggle = toggle("compare-toggle", MaterialDesignC.COMPARE_HORIZONTAL, msg.get("compare.toggle"),
                msg.get("compare.toggle.tip"));
        compareToggle.selectedProperty().bindBidirectional(comparison.activeProperty());
        syncToggle = toggle("sync-toggle", MaterialDesignL.LINK_VARIANT, msg.get("sync.toggle"), msg.get("sync.toggle.tip"));
        syncToggle.setSelected(sync.activeProperty().get());
        sync.activeProperty().addListener((o, a, on) -> syncToggle.setSelected(on));
        syncToggle.selectedProperty().addListener((o, a, on) -> sync.setActive(on));

        hide = toggle("compare-hide", MaterialDesignE.EYE_OFF_OUTLINE, msg.get("compare.hide"), msg.get("compare.hide.tip"));
        hide.selectedProperty().bindBidirectional(comparison.hideIdenticalProperty());
        Button select = new Button(msg.get("compare.select"), new FontIcon(MaterialDesignS.SELECT_COMPARE));
        select.setId("compare-select");
        select.getStyleClass().add("flat");
        select.setTooltip(new Tooltip(msg.get("compare.select.tip")));
        select.setOnAction(e -> selectDiffering());
        select.setFocusTraversable(false);

        summary = new Label();
        summary.setId("compare-summary");
        summary.getStyleClass().add(Styles.COMPARE_SUMMARY);
        summary.textProperty().bind(comparison.summaryProperty());
        summary.setMinWidth(0);
        Tooltip summaryTip = new Tooltip();
        summaryTip.textProperty().bind(comparison.summaryProperty());
        summary.setTooltip(summaryTip);

        MenuButton times = timeSettings(msg);
        HBox details = new HBox(6, legend(RowMark.ONLY_HERE, msg.get("compare.legend.onlyHere")),
                legend(RowMark.NEWER, msg.get("compare.legend.newer")),
                legend(RowMark.SIZE_DIFFERS, msg.get("compare.legend.size")), hide, select, times, summary);
        details.setAlignment(Pos.CENTER_LEFT);
        details.visibleProperty().bind(comparison.activeProperty());
        details.managedProperty().bind(details.visibleProperty());
        details.setMinWidth(0);
        HBox.setHgrow(details, Priority.ALWAYS);
        labelled = List.of(compareToggle, syncToggle, hide, select, times);
        for (Labeled l : labelled) {
            l.setMinWidth(Region.USE_PREF_SIZE); // the counts give way first, then the labels (icons stay)
        }

        HBox bar = new HBox(6, compareToggle, syncToggle, new Region(), details);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.COMPARE_BAR);
        bar.setId("compare-bar");
        // Too narrow for every label (1024x768 while comparing): icons only; the tooltips still say what each does.
        bar.setMinWidth(0);
        bar.widthProperty().addListener((o, was, width) -> fit(bar));
        comparison.activeProperty().addListener((o, was, on) -> javafx.application.Platform.runLater(() -> fit(bar)));

        // The bar takes a row only while comparing or browsing in step (View menu, Ctrl+O / Ctrl+Y turn them on):
        // the file tables keep their height the rest of the time.
        bar.visibleProperty().bind(comparison.activeProperty().or(sync.activeProperty()));
        bar.managedProperty().bind(bar.visibleProperty());
        root = new VBox(bar, missingNotice(msg));
    }

    private void fit(HBox bar) {
        if (!compact) {
            // The counts shrink to an ellipsis (their tooltip has them whole); the labels only go when even a
            // short summary would not fit beside them.
            fullWidth = bar.prefWidth(-1) - summary.prefWidth(-1) + SUMMARY_MIN;
        }
        boolean narrow = bar.getWidth() < fullWidth;
        if (narrow != compact) {
            compact = narrow;
            for (Labeled l : labelled) {
                l.setContentDisplay(narrow ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
            }
        }
    }

    public Node node() {
        return root;
    }

    /**
     * The View menu's items for the bar's actions, with their keys: Ctrl+O compare, Ctrl+Y synchronized browsing,
     * Ctrl+Shift+I hide identical, Ctrl+Shift+S select differing. The check items and the bar's toggles move together.
     */
    public List<MenuItem> viewMenuItems() {
        CheckMenuItem compare = check("menu-view-compare", msg.get("compare.toggle"), compareToggle,
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem browse = check("menu-view-sync", msg.get("sync.toggle"), syncToggle,
                new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem hideItem = check("menu-view-hideIdentical", msg.get("compare.hide"), hide,
                new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        hideItem.disableProperty().bind(comparison.activeProperty().not());
        MenuItem select = new MenuItem(msg.get("compare.select"));
        select.setId("menu-view-selectDiffering");
        select.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        select.disableProperty().bind(comparison.activeProperty().not());
        select.setOnAction(e -> selectDiffering());
        return List.of(compare, browse, hideItem, select);
    }

    private static CheckMenuItem check(String id, String text, ToggleButton toggle, KeyCombination key) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setId(id);
        item.setAccelerator(key);
        item.selectedProperty().bindBidirectional(toggle.selectedProperty());
        return item;
    }

    /** Selects, in each pane, the rows that differ from the other side. */
    public void selectDiffering() {
        select(left.getValue(), comparison.differing(false));
        select(right.getValue(), comparison.differing(true));
    }

    private static void select(PaneView pane, List<FileRow> rows) {
        var model = pane.table().getSelectionModel();
        model.clearSelection();
        for (FileRow r : rows) {
            model.select(r);
        }
    }

    private Node missingNotice(Messages msg) {
        Label text = new Label();
        text.setId("sync-missing");
        text.setGraphic(new FontIcon(MaterialDesignF.FOLDER_ALERT_OUTLINE));
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            SyncBrowsing.Missing m = sync.missingProperty().get();
            return m == null ? "" : msg.format(m.rightPane() ? "sync.missing.right" : "sync.missing.left", m.path());
        }, sync.missingProperty()));
        Button create = new Button(msg.get("sync.create"));
        create.setId("sync-create");
        create.setDefaultButton(false);
        create.setOnAction(e -> sync.createMissing());
        Button stop = new Button(msg.get("sync.stop"));
        stop.setId("sync-stop");
        stop.getStyleClass().add("flat");
        stop.setOnAction(e -> sync.stop());
        HBox notice = new HBox(8, text, create, stop);
        notice.setAlignment(Pos.CENTER_LEFT);
        notice.getStyleClass().add(Styles.SYNC_NOTICE);
        notice.visibleProperty().bind(sync.missingProperty().isNotNull());
        notice.managedProperty().bind(notice.visibleProperty());
        return notice;
    }

    /** The tolerance and the two sites' offsets, in a drop-down: rarely changed, and the bar stays one line. */
    private MenuButton timeSettings(Messages msg) {
        Spinner<Integer> tolerance = spinner("compare-tolerance", 0, 3600, comparison.toleranceSecondsProperty().get(), 1);
        tolerance.valueProperty().addListener((o, a, v) -> comparison.setToleranceSeconds(v));
        Spinner<Integer> leftOffset = offsetSpinner("compare-left-offset", false, msg);
        Spinner<Integer> rightOffset = offsetSpinner("compare-right-offset", true, msg);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        grid.addRow(0, label(msg.get("compare.tolerance"), tolerance), tolerance);
        grid.addRow(1, label(msg.get("compare.leftOffset"), leftOffset), leftOffset);
        grid.addRow(2, label(msg.get("compare.rightOffset"), rightOffset), rightOffset);
        CustomMenuItem holder = new CustomMenuItem(grid, false);
        MenuButton times = new MenuButton(msg.get("compare.times"), new FontIcon(MaterialDesignC.CLOCK_OUTLINE));
        times.setId("compare-times");
        times.getStyleClass().add("flat");
        times.setTooltip(new Tooltip(msg.get("compare.times.tip")));
        times.getItems().add(holder);
        times.setMinWidth(Region.USE_PREF_SIZE);
        return times;
    }

    private Spinner<Integer> offsetSpinner(String id, boolean rightPane, Messages msg) {
        var offset = rightPane ? comparison.rightOffsetMinutesProperty() : comparison.leftOffsetMinutesProperty();
        Spinner<Integer> s = spinner(id, -ComparisonSettings.MAX_OFFSET_MINUTES, ComparisonSettings.MAX_OFFSET_MINUTES,
                offset.get(), 30);
        s.setTooltip(new Tooltip(msg.get("compare.offset.tip")));
        offset.addListener((o, a, v) -> s.getValueFactory().setValue(v.intValue()));
        s.valueProperty().addListener((o, a, v) -> {
            if (v != offset.get()) {
                comparison.setOffsetMinutes(rightPane, v);
            }
        });
        // The local disk has no offset: the spinner only applies to a pane showing a site.
        Runnable enable = () -> s.setDisable(!comparison.showsSite(rightPane));
        (rightPane ? right : left).flatMap(p -> p.viewModel().sourceProperty()).addListener((o, a, b) -> enable.run());
        enable.run();
        return s;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int value, int step) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value, step));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(110);
        s.getStyleClass().add(Spinner.STYLE_CLASS_SPLIT_ARROWS_HORIZONTAL);
        return s;
    }

    private static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setLabelFor(target);
        l.setMnemonicParsing(true);
        return l;
    }

    private static Label legend(RowMark mark, String text) {
        Label l = new Label(text);
        l.setId("compare-legend-" + mark.pseudoClass());
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add(Styles.COMPARE_LEGEND);
        l.pseudoClassStateChanged(PseudoClass.getPseudoClass(mark.pseudoClass()), true);
        return l;
    }

    private static ToggleButton toggle(String id, org.kordamp.ikonli.Ikon icon, String text, String tip) {
        ToggleButton t = new ToggleButton(text, new FontIcon(icon));
        t.setId(id);
        t.setMnemonicParsing(true);
        t.setTooltip(new Tooltip(tip));
        t.setFocusTraversable(false);
        return t;
    }
}
