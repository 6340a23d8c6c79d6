package org.ferryftp.ui.browser;

import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.ferryftp.ui.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The folder tree of a pane. Only the chain down to the current directory is known up front; the
 * sub-folders of a node are listed (or taken from the pane's cache) when it is first expanded.
 */
final class DirectoryTree {

    private final TreeView<String> tree = new TreeView<>();
    private final PaneViewModel vm;
    private boolean revealing;

    /** A folder whose children arrive on first expansion. Its value is the full path. */
    private final class FolderItem extends TreeItem<String> {
        private boolean loaded;
        private boolean loading;

        FolderItem(String path) {
            super(path);
            expandedProperty().addListener((o, was, now) -> {
                if (now) {
                    load();
                }
            });
        }

        @Override
        public boolean isLeaf() {
            return loaded && getChildren().isEmpty();
        }

        void load() {
            if (loaded || loading) {
                return;
            }
            loading = true;
            vm.childFolders(getValue(), names -> {
                loading = false;
                loaded = true;
                merge(names);
            });
        }

        private void merge(List<String> names) {
            List<TreeItem<String>> items = names.stream().map(n -> {
                String p = vm.join(getValue(), n);
                return getChildren().stream().filter(c -> c.getValue().equals(p)).findFirst()
                        .orElseGet(() -> new FolderItem(p));
            }).toList();
            // Keep a child the user is inside even if the listing no longer shows it (e.g. hidden).
            List<TreeItem<String>> kept = getChildren().stream()
                    .filter(c -> c.isExpanded() && !items.contains(c)).toList();
            getChildren().setAll(items);
            getChildren().addAll(kept);
            // Replacing children can drop the selection and scroll position: show the current folder again.
            reveal(vm.pathProperty().get());
        }
    }

    DirectoryTree(PaneViewModel vm, String idPrefix) {
        this.vm = vm;
        tree.setId(idPrefix + "-tree");
        tree.getStyleClass().addAll(Styles.DIR_TREE, atlantafx.base.theme.Styles.DENSE);
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new TreeCell<>() {
            private final FontIcon icon = new FontIcon(MaterialDesignF.FOLDER);

            {
                icon.setIconSize(16);
                icon.getStyleClass().add(Styles.ICON_FOLDER);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : PathNames.lastSegment(item));
                setGraphic(empty || item == null ? null : icon);
            }
        });
        // Navigate on the user's click or Enter only: selection also moves when lazily loaded children arrive.
        tree.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY
                    && e.getPickResult().getIntersectedNode() != null && !isDisclosure(e.getPickResult().getIntersectedNode())) {
                openSelected();
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        vm.pathProperty().addListener((o, a, p) -> reveal(p));
        vm.sourceProperty().addListener((o, a, s) -> tree.setRoot(null));
        // The tree's height settles after the first listing (the window grows, a divider is dragged).
        // (after the layout that gave it, so the scroll uses the new viewport)
        tree.heightProperty().addListener((o, a, h) -> javafx.application.Platform.runLater(this::showSelected));
        // A new, renamed or deleted folder shows in the listing first; the tree follows the listing.
        vm.rows().addListener((javafx.collections.ListChangeListener<FileRow>) c -> followListing());
    }

    private void openSelected() {
        TreeItem<String> item = tree.getSelectionModel().getSelectedItem();
        if (!revealing && item != null && !item.getValue().equals(vm.pathProperty().get())) {
            vm.navigate(item.getValue());
        }
    }

    private static boolean isDisclosure(javafx.scene.Node n) {
        for (javafx.scene.Node x = n; x != null; x = x.getParent()) {
            if (x.getStyleClass().contains("tree-disclosure-node")) {
                return true;
            }
            if (x instanceof TreeCell) {
                return false;
            }
        }
        return false;
    }

    /** Gives the shown folder's tree node the listing's sub-folders, once that node has been loaded. */
    private void followListing() {
        String filter = vm.filterProperty().get();
        if (revealing || vm.busyProperty().get() || (filter != null && !filter.isBlank())) {
            return; // a partial or filtered listing does not say which folders are gone
        }
        TreeItem<String> selected = tree.getSelectionModel().getSelectedItem();
        if (selected instanceof FolderItem folder && folder.loaded && folder.getValue().equals(vm.pathProperty().get())) {
            folder.merge(vm.rows().stream().filter(FileRow::isDirectory).map(FileRow::name).toList());
        }
    }

    TreeView<String> control() {
        return tree;
    }

    /** Expands the tree down to {@code path} and selects it. */
    private void reveal(String path) {
        if (path == null) {
            return;
        }
        Deque<String> chain = new ArrayDeque<>();
        for (String p = path; p != null; p = vm.parentOf(p)) {
            chain.push(p);
            if (chain.size() > 256) {
                break;
            }
        }
        revealing = true;
        try {
            String rootPath = chain.pop();
            TreeItem<String> node = tree.getRoot();
            if (node == null || !node.getValue().equals(rootPath)) {
                node = new FolderItem(rootPath);
                tree.setRoot(node);
            }
            node.setExpanded(true);
            while (!chain.isEmpty()) {
                String next = chain.pop();
                TreeItem<String> child = node.getChildren().stream().filter(c -> c.getValue().equals(next))
                        .findFirst().orElse(null);
                if (child == null) {
                    child = new FolderItem(next);
                    node.getChildren().add(child);
                }
                node = child;
                node.setExpanded(true);
            }
            tree.getSelectionModel().select(node);
            showSelected();
        } finally {
            revealing = false;
        }
    }

    /** Scrolls the selected folder into view. */
    private void showSelected() {
        int row = tree.getSelectionModel().getSelectedIndex();
        if (row >= 0) {
            // A little context above the folder, but never so much that a short tree hides the folder itself.
            int visibleRows = (int) (tree.getHeight() / Math.max(1, tree.getFixedCellSize() > 0 ? tree.getFixedCellSize() : 24));
            tree.scrollTo(Math.max(0, row - Math.min(3, visibleRows / 3)));
        }
    }
}
