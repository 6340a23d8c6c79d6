package org.ferryftp.ui.bookmarks;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.ferryftp.ui.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Bookmarks menu, built from a {@link BookmarksViewModel}: "Add bookmark…" (Ctrl+D), "Manage bookmarks…"
 * (Ctrl+B), then the global bookmarks and those of the sites the panes show. Its items are rebuilt each time it opens.
 * {@link #menu()} is for a menu bar, {@link #items()} for a toolbar's menu button.
 */
public final class BookmarksMenu {

    public static final KeyCombination ADD = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination MANAGE = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);

    private final BookmarksViewModel vm;
    private final BookmarkDialogs dialogs;
    private final Function<String, String> siteLabel;
    private final Messages msg;

    /** @param siteLabel the name of a site by its source's id, or null when unknown */
    public BookmarksMenu(BookmarksViewModel vm, BookmarkDialogs dialogs, Function<String, String> siteLabel,
                         Messages msg) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.siteLabel = siteLabel;
        this.msg = msg;
    }

    /** A "Bookmarks" menu for the menu bar. */
    public Menu menu() {
        Menu menu = new Menu(msg.get("bookmarks.menu"));
        menu.setId("menu-bookmarks");
        menu.getItems().setAll(items());
        menu.setOnShowing(e -> menu.getItems().setAll(items()));
        return menu;
    }

    /** The menu's items as they are now. */
    public List<MenuItem> items() {
        List<MenuItem> items = new ArrayList<>();
        MenuItem add = new MenuItem(msg.get("bookmarks.add"), new FontIcon(MaterialDesignB.BOOKMARK_PLUS_OUTLINE));
        add.setId("bookmarks-add");
        add.setAccelerator(ADD);
        add.setOnAction(e -> add());
        MenuItem manage = new MenuItem(msg.get("bookmarks.manage"), new FontIcon(MaterialDesignB.BOOKMARK_MULTIPLE_OUTLINE));
        manage.setId("bookmarks-manage");
        manage.setAccelerator(MANAGE);
        manage.setOnAction(e -> manage());
        items.add(add);
        items.add(manage);
        List<BookmarksViewModel.Entry> entries = vm.entries();
        boolean global = true;
        for (int i = 0; i < entries.size(); i++) {
            BookmarksViewModel.Entry entry = entries.get(i);
            if (i == 0 || entry.global() != global) {
                items.add(new SeparatorMenuItem());
                global = entry.global();
            }
            items.add(item(entry, "bookmark-" + i));
        }
        if (entries.isEmpty()) {
            MenuItem none = new MenuItem(msg.get("bookmarks.none"));
            none.setDisable(true);
            items.add(new SeparatorMenuItem());
            items.add(none);
        }
        return items;
    }

    /** The keys of "add" and "manage", for a window without this menu in a menu bar. */
    public Map<KeyCombination, Runnable> accelerators() {
        Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
        keys.put(ADD, this::add);
        keys.put(MANAGE, this::manage);
        return keys;
    }

    /** One bookmark as a menu item that goes there. */
    MenuItem item(BookmarksViewModel.Entry entry, String id) {
        String site = entry.global() || entry.siteId() == null ? null : siteLabel.apply(entry.siteId());
        MenuItem item = new MenuItem(site == null ? entry.name() : msg.format("bookmarks.ofSite", entry.name(), site),
                new FontIcon(entry.global() ? MaterialDesignB.BOOKMARK_OUTLINE : MaterialDesignS.SERVER_NETWORK));
        item.setId(id);
        item.setMnemonicParsing(false);
        item.setOnAction(e -> vm.go(entry));
        return item;
    }

    public void add() {
        GlobalBookmark proposal = vm.proposal();
        dialogs.askNew(proposal, proposal.siteId() == null ? null : siteLabel.apply(proposal.siteId()))
                .ifPresent(vm::add);
    }

    public void manage() {
        dialogs.manage(vm);
    }
}
