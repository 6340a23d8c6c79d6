package org.ferryftp.ui.browser;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.BreadCrumbBar;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.ArrayDeque;
import java.util.Deque;

/** Breadcrumbs of the current directory that switch to an editable path field (button, Ctrl+L, click). */
final class PathBar {

    private final BreadCrumbBar<String> crumbs = new BreadCrumbBar<>();
    private final TextField field = new TextField();
    private final HBox box;
    private final PaneViewModel vm;

    PathBar(PaneViewModel vm, Messages msg, String idPrefix) {
        this.vm = vm;
        crumbs.setId(idPrefix + "-crumbs");
        field.setId(idPrefix + "-path");
        crumbs.setAutoNavigationEnabled(false);
        crumbs.setCrumbFactory(item -> new BreadCrumbBar.BreadCrumbButton(
                item.getValue() == null ? "" : PathNames.lastSegment(item.getValue())));
        crumbs.setOnCrumbAction(e -> vm.navigate(e.getSelectedCrumb().getValue()));
        field.setVisible(false);
        field.setPromptText(msg.get("path.prompt"));
        field.setOnAction(e -> {
            String typed = field.getText().trim();
            showCrumbs();
            if (!typed.isEmpty()) {
                vm.navigate(typed);
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                showCrumbs();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                showCrumbs();
            }
        });
        StackPane stack = new StackPane(crumbs, field);
        stack.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        stack.setOnMouseClicked(e -> {
            if (e.getTarget() == stack || e.getTarget() == crumbs) {
                edit();
            }
        });
        HBox.setHgrow(stack, Priority.ALWAYS);
        Button editButton = new Button(null, new FontIcon(MaterialDesignP.PENCIL_OUTLINE));
        editButton.setId(idPrefix + "-edit-path");
        editButton.setTooltip(new Tooltip(msg.get("path.edit")));
        editButton.setOnAction(e -> edit());
        editButton.getStyleClass().add("flat");
        box = new HBox(4, stack, editButton);
        box.getStyleClass().add(Styles.PATH_BAR);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        vm.pathProperty().addListener((o, a, p) -> update(p));
    }

    HBox node() {
        return box;
    }

    /** Switches to the text field with the path selected. */
    void edit() {
        field.setText(vm.pathProperty().get() == null ? "" : vm.pathProperty().get());
        crumbs.setVisible(false);
        field.setVisible(true);
        field.requestFocus();
        field.selectAll();
    }

    private void showCrumbs() {
        field.setVisible(false);
        crumbs.setVisible(true);
    }

    private void update(String path) {
        if (path == null) {
            crumbs.setSelectedCrumb(null);
            return;
        }
        Deque<String> chain = new ArrayDeque<>();
        for (String p = path; p != null && chain.size() < 256; p = vm.parentOf(p)) {
            chain.push(p);
        }
        TreeItem<String> parent = null;
        TreeItem<String> item = null;
        for (String p : chain) {
            item = new TreeItem<>(p);
            if (parent != null) {
                parent.getChildren().add(item);
            }
            parent = item;
        }
        crumbs.setSelectedCrumb(item);
    }
}
