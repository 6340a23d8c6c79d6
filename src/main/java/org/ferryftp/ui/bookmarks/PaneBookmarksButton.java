package org.ferryftp.ui.bookmarks;

import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.PaneViewModel;
import org.ferryftp.ui.browser.Source;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;

import java.util.ArrayList;
import java.util.List;

/**
 * A pane's bookmarks button, beside its navigation: the bookmarks that have a folder on the side this pane shows
 * (a local folder for the local disk, a remote one for a site), and "Add bookmark…".
 */
public final class PaneBookmarksButton {

    private final MenuButton button = new MenuButton(null, new FontIcon(MaterialDesignB.BOOKMARK_OUTLINE));

    public PaneBookmarksButton(BookmarksViewModel vm, BookmarksMenu menu, PaneViewModel pane, Messages msg, String id) {
        button.setId(id + "-bookmarks");
        button.getStyleClass().add("flat");
        button.setTooltip(new Tooltip(msg.get("bookmarks.pane")));
        button.setOnShowing(e -> {
            List<MenuItem> items = new ArrayList<>();
            Source s = pane.sourceProperty().get();
            List<BookmarksViewModel.Entry> entries = vm.entries();
            for (int i = 0; i < entries.size(); i++) {
                BookmarksViewModel.Entry entry = entries.get(i);
                if (s != null && (s.isLocal() ? entry.localDir() != null : entry.remoteDir() != null
                        && (entry.siteId() == null || entry.siteId().equals(s.site().id())))) {
                    items.add(menu.item(entry, id + "-bookmark-" + i));
                }
            }
            if (items.isEmpty()) {
                MenuItem none = new MenuItem(msg.get("bookmarks.none"));
                none.setDisable(true);
                items.add(none);
            }
            MenuItem add = new MenuItem(msg.get("bookmarks.add"));
            add.setOnAction(a -> menu.add());
            items.add(new SeparatorMenuItem());
            items.add(add);
            button.getItems().setAll(items);
        });
    }

    public MenuButton node() {
        return button;
    }
}
