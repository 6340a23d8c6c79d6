package org.ferryftp.ui.sites;

import javafx.application.Platform;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.ui.Styles;
import org.ferryftp.ui.sites.SiteTree.FolderKey;
import org.ferryftp.ui.sites.SiteTree.Key;
import org.ferryftp.ui.sites.SiteTree.SiteKey;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.List;
import java.util.Optional;

/** The folders-and-sites tree: mirrors the view model's {@link SiteTree}; sites can be dragged onto folders. */
final class SiteTreeView {

    private static final DataFormat SITE_ID = new DataFormat("application/x-ferry-site-id");

    private final SiteManagerViewModel vm;
    private final TreeView<SiteTree.Node> tree = new TreeView<>();
    private boolean syncing;

    SiteTreeView(SiteManagerViewModel vm) {
        this.vm = vm;
        tree.setId("site-tree");
        tree.getStyleClass().add(Styles.SITE_TREE);
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new Cell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!syncing && item != null) {
                // After the tree has finished its selection change: the view model may save the
                // previous site's edits and so rebuild the tree, which must not happen mid-event.
                Key key = item.getValue().key();
                Platform.runLater(() -> vm.selectedProperty().set(key));
            }
        });
        vm.treeProperty().addListener((o, a, t) -> rebuild(t));
        vm.selectedProperty().addListener((o, a, k) -> select(k));
        // Dropping on the empty area below the rows moves a site to the top level.
        tree.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(SITE_ID)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
        });
        tree.setOnDragDropped(e -> {
            drop(e.getDragboard(), List.of());
            e.setDropCompleted(true);
        });
        rebuild(vm.treeProperty().get());
    }

    TreeView<SiteTree.Node> node() {
        return tree;
    }

    private void rebuild(SiteTree t) {
        syncing = true;
        TreeItem<SiteTree.Node> root = item(t.root());
        tree.setRoot(root);
        syncing = false;
        select(vm.selectedProperty().get());
    }

    private TreeItem<SiteTree.Node> item(SiteTree.Node n) {
        TreeItem<SiteTree.Node> item = new TreeItem<>(n);
        item.setExpanded(true);
        n.children().forEach(c -> item.getChildren().add(item(c)));
        return item;
    }

    private void select(Key key) {
        Optional<TreeItem<SiteTree.Node>> match = find(tree.getRoot(), key);
        syncing = true;
        match.ifPresentOrElse(i -> {
            tree.getSelectionModel().select(i);
            int row = tree.getRow(i);
            if (row >= 0) {
                tree.scrollTo(Math.max(0, row - 3));
            }
        }, () -> tree.getSelectionModel().clearSelection());
        syncing = false;
    }

    private static Optional<TreeItem<SiteTree.Node>> find(TreeItem<SiteTree.Node> item, Key key) {
        if (item == null) {
            return Optional.empty();
        }
        if (item.getValue().key().equals(key) && item.getParent() != null) {
            return Optional.of(item);
        }
        for (TreeItem<SiteTree.Node> c : item.getChildren()) {
            Optional<TreeItem<SiteTree.Node>> f = find(c, key);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private void drop(Dragboard board, List<String> folder) {
        if (board.hasContent(SITE_ID)) {
            vm.move((String) board.getContent(SITE_ID), folder);
        }
    }

    private final class Cell extends TreeCell<SiteTree.Node> {

        Cell() {
            setOnDragDetected(e -> {
                if (getItem() != null && getItem().key() instanceof SiteKey sk) {
                    Dragboard db = startDragAndDrop(TransferMode.MOVE);
                    ClipboardContent c = new ClipboardContent();
                    c.put(SITE_ID, sk.id());
                    db.setContent(c);
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (getItem() != null && e.getDragboard().hasContent(SITE_ID)) {
                    e.acceptTransferModes(TransferMode.MOVE);
                    e.consume();
                }
            });
            setOnDragDropped(e -> {
                if (getItem() != null) {
                    drop(e.getDragboard(), targetFolder(getItem().key()));
                    e.setDropCompleted(true);
                    e.consume();
                }
            });
        }

        private List<String> targetFolder(Key key) {
            if (key instanceof FolderKey fk) {
                return fk.path();
            }
            String id = ((SiteKey) key).id();
            return vm.sites().stream().filter(s -> s.id().equals(id)).findFirst().map(SiteProfile::folder)
                    .orElse(List.of());
        }

        @Override
        protected void updateItem(SiteTree.Node n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setText(null);
                setGraphic(null);
                setId(null);
                return;
            }
            setText(n.label());
            boolean folder = n.key() instanceof FolderKey;
            FontIcon icon = new FontIcon(folder ? MaterialDesignF.FOLDER : MaterialDesignS.SERVER_NETWORK);
            String colour = folder ? null : colourOf(((SiteKey) n.key()).id());
            if (colour != null) {
                // Appended to the icon's own inline style (which holds its font): the theme's icon colour
                // would win over setIconColor, and replacing the style would lose the glyph.
                icon.setStyle(icon.getStyle() + "; -fx-icon-color: " + colour + ";");
            } else {
                icon.getStyleClass().add(folder ? Styles.ICON_FOLDER : Styles.ICON_FILE);
            }
            setGraphic(icon);
            setId("site-row-" + n.label().replaceAll("[^A-Za-z0-9]", "_"));
        }

        private String colourOf(String id) {
            return vm.sites().stream().filter(s -> s.id().equals(id)).findFirst().map(SiteProfile::colour).orElse(null);
        }
    }
}
