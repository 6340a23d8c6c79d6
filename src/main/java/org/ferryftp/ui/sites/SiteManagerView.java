package org.ferryftp.ui.sites;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * The site manager's layout: search and tree with the tree commands on the left, the site's form on
 * the right, messages and Import / Save / Connect / Close along the bottom. Binds to the view model.
 */
public final class SiteManagerView {

    private final BorderPane root = new BorderPane();

    /** The Import and Export buttons' actions. */
    public record FileActions(Runnable importFileZilla, Runnable importFerry, Runnable export) {
    }

    public SiteManagerView(SiteManagerViewModel vm, Messages msg, FileActions files, Runnable close) {
        root.getStyleClass().add(Styles.SITE_MANAGER);
        root.setId("site-manager");

        TextField search = new TextField();
        search.setId("site-search");
        search.setPromptText(msg.get("site.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        SiteTreeView tree = new SiteTreeView(vm);
        VBox.setVgrow(tree.node(), Priority.ALWAYS);
        FlowPane commands = new FlowPane(6, 6,
                button("site-new", msg.get("site.new"), vm::newSite),
                button("site-new-folder", msg.get("site.newFolder"), vm::newFolder),
                button("site-duplicate", msg.get("site.duplicate"), vm::duplicate),
                button("site-rename", msg.get("site.rename"), vm::rename),
                button("site-delete", msg.get("site.delete"), vm::delete));
        commands.getChildren().get(2).disableProperty().bind(vm.siteSelectedProperty().not());
        commands.getChildren().get(3).disableProperty().bind(vm.canEditProperty().not());
        commands.getChildren().get(4).disableProperty().bind(vm.canEditProperty().not());
        VBox left = new VBox(8, search, tree.node(), commands);
        left.setPadding(new Insets(12, 8, 12, 12));
        left.setMinWidth(240);

        SiteFormView form = new SiteFormView(vm.form(), msg, vm::chooseKeyFile);
        Label nothing = new Label(msg.get("site.nothingSelected"));
        nothing.getStyleClass().add(Styles.TRANSFERS_EMPTY);
        form.node().visibleProperty().bind(vm.siteSelectedProperty());
        nothing.visibleProperty().bind(vm.siteSelectedProperty().not());
        StackPane right = new StackPane(nothing, form.node());
        right.setPadding(new Insets(12, 12, 0, 4));

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(left, false);
        root.setCenter(split);
        root.setBottom(bottom(vm, msg, files, close));
    }

    private VBox bottom(SiteManagerViewModel vm, Messages msg, FileActions files, Runnable close) {
        Label error = new Label();
        error.setId("site-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.SITE_ERROR);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label status = new Label();
        status.setId("site-status");
        status.getStyleClass().add(Styles.SITE_STATUS);
        status.textProperty().bind(vm.statusProperty());

        Button importButton = button("site-import", msg.get("site.import"), files.importFileZilla());
        importButton.setGraphic(new FontIcon(MaterialDesignF.FILE_IMPORT_OUTLINE));
        Button importFerry = button("site-import-ferry", msg.get("site.importFerry"), files.importFerry());
        Button export = button("site-export", msg.get("site.export"), files.export());
        export.setGraphic(new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        Button save = button("site-save", msg.get("site.save"), vm::save);
        Button connectLeft = button("site-connect-left", msg.get("site.connectLeft"), () -> vm.connect(PaneSide.LEFT));
        Button connectRight = button("site-connect-right", msg.get("site.connectRight"),
                () -> vm.connect(PaneSide.RIGHT));
        connectRight.getStyleClass().add("accent");
        Button closeButton = button("site-close", msg.get("site.close"), close);
        closeButton.setCancelButton(true);
        for (Button b : new Button[] {save, connectLeft, connectRight}) {
            b.disableProperty().bind(vm.siteSelectedProperty().not());
        }
        // Two rows, and no button narrower than its label: in one row they did not fit at 1024x768.
        HBox exchange = new HBox(8, importButton, importFerry, export, status);
        exchange.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, spacer, save, connectLeft, connectRight, closeButton);
        actions.setAlignment(Pos.CENTER_RIGHT);
        for (Button b : new Button[] {importButton, importFerry, export, save, connectLeft, connectRight, closeButton}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        VBox buttons = new VBox(8, exchange, actions);
        buttons.getStyleClass().add(Styles.SITE_BUTTONS);
        VBox box = new VBox(6, error, buttons);
        box.setPadding(new Insets(8, 12, 12, 12));
        return box;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    public Parent node() {
        return root;
    }
}
