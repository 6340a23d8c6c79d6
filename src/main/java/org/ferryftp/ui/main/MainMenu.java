package org.ferryftp.ui.main;

import org.ferryftp.ftp.TypeOverride;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.ui.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The menu bar: File, Edit, View, Transfer, Server, Bookmarks, Help. Every toolbar action is here with its
 * accelerator; keys a pane handles itself while a text field may have the focus (F2, Delete, Backspace, Enter) are
 * shown in the item's text and not registered, since an accelerator would take them from the text field.
 * On macOS the bar moves into the system menu bar.
 */
final class MainMenu {

    /** One entry of the keyboard-shortcut sheet. */
    record Shortcut(String keys, String action) {
    }

    private final MenuBar bar = new MenuBar();
    private final Messages msg;
    private final Menu bookmarks;
    private final List<Shortcut> shortcuts = new ArrayList<>();

    MainMenu(Messages msg, MainWindow window, Theme theme, MenuActions actions, HelpWindows help,
             List<MenuItem> comparisonItems, Menu bookmarksMenu) {
        this.msg = msg;
        bar.setId("menu-bar");
        bar.setUseSystemMenuBar(true);

        Menu file = menu("file",
                item("menu.file.sites", shortcut(KeyCode.S), window::openSiteManager),
                item("menu.file.quick", shortcut(KeyCode.K), window::focusQuickConnect),
                item("menu.file.importExport", null, window::openSiteManager),
                new SeparatorMenuItem(),
                item("menu.file.newTab", shortcut(KeyCode.T), window::newTabInActive),
                item("menu.file.closeTab", shortcut(KeyCode.W), window::closeTabInActive),
                // The window's key filter takes these (a table would use Ctrl+Page Down itself).
                shown("menu.file.nextTab", "Ctrl+Tab", () -> window.switchTab(1)),
                shown("menu.file.previousTab", "Ctrl+Shift+Tab", () -> window.switchTab(-1)),
                new SeparatorMenuItem(),
                item("menu.file.quit", shortcut(KeyCode.Q), window::quit));

        Menu edit = menu("edit",
                item("menu.edit.mkdir", new KeyCodeCombination(KeyCode.F7), window::newFolderInActive),
                shown("menu.edit.rename", "F2", window::renameInActive),
                shown("menu.edit.delete", "Delete", window::deleteInActive),
                shown("menu.edit.viewFile", "Shift+F4", window::viewFileInActive),
                shown("menu.edit.editFile", "F4", window::editFileInActive),
                new SeparatorMenuItem(),
                item("menu.edit.path", shortcut(KeyCode.L), window::editPathInActive),
                item("menu.edit.filter", shortcut(KeyCode.F), window::filterInActive),
                new SeparatorMenuItem(),
                item("menu.edit.preferences", shortcut(KeyCode.COMMA), window::openPreferences));

        CheckMenuItem dark = new CheckMenuItem(msg.get("menu.view.dark"));
        dark.setId("menu-view-dark");
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        Menu view = menu("view",
                item("menu.view.refresh", new KeyCodeCombination(KeyCode.F5), window::refreshActive),
                item("menu.view.refreshBoth", shortcut(KeyCode.F5), window::refreshBoth),
                new SeparatorMenuItem(),
                item("menu.view.log", shortcut(KeyCode.DIGIT1), window::toggleLog),
                item("menu.view.queue", shortcut(KeyCode.DIGIT2), window::toggleTransfers),
                item("menu.view.tree", shortcut(KeyCode.DIGIT3), window::toggleTrees),
                item("menu.view.hidden", shortcut(KeyCode.H), window::toggleHiddenInActive),
                dark);
        view.getItems().add(new SeparatorMenuItem());
        view.getItems().addAll(comparisonItems);

        CheckMenuItem limits = new CheckMenuItem(msg.get("menu.transfer.limitsOn"));
        limits.setId("menu-transfer-limitsOn");
        limits.selectedProperty().bindBidirectional(actions.preferences().limitsOnProperty());
        limits.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        Menu transfer = menu("transfer",
                item("menu.transfer.selection", new KeyCodeCombination(KeyCode.F6), window::transferFromActive),
                // Ctrl+Shift+Y: beside Ctrl+Y (browsing in step); Ctrl+Shift+S already selects differing files.
                item("menu.transfer.synchronize", new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), window::synchronizeFolders),
                new SeparatorMenuItem(),
                item("menu.transfer.process", shortcut(KeyCode.P), actions.processQueue()),
                item("menu.transfer.stop", new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), actions.stopQueue()),
                new SeparatorMenuItem(),
                limits,
                item("menu.transfer.setLimits", null, actions.setSpeedLimits()),
                transferTypes(actions),
                conflicts(actions));

        Menu server = menu("server",
                item("menu.server.disconnect", new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), window::disconnectActive),
                item("menu.server.reconnect", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), window::reconnectActive),
                new SeparatorMenuItem(),
                item("menu.server.command", new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), window::customCommandInActive),
                item("menu.server.search", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), window::searchInActive));

        bookmarks = bookmarksMenu;

        Menu helpMenu = menu("help",
                item("menu.help.shortcuts", new KeyCodeCombination(KeyCode.F1), () -> help.shortcuts(shortcuts())),
                item("menu.help.guide", null, actions.guide() != null ? actions.guide() : help::guide),
                item("menu.help.logFolder", null, window::openLogFolder),
                new SeparatorMenuItem(),
                item("menu.help.about", null, help::about));

        bar.getMenus().setAll(file, edit, view, transfer, server, bookmarks, helpMenu);
        // Pane keys that are not menu items, for the sheet.
        for (String[] k : new String[][] {{"Enter", "keys.enter"}, {"Backspace", "keys.up"}, {"Alt+Left", "keys.back"},
                {"Alt+Right", "keys.forward"}, {"Alt+Enter", "keys.properties"}, {"Ctrl+Shift+C", "keys.copyUrl"},
                {"Tab", "keys.otherPane"}, {"F10", "keys.menu"}}) {
            shortcuts.add(new Shortcut(k[0], msg.get(k[1])));
        }
    }

    MenuBar node() {
        return bar;
    }

    /** The Bookmarks menu. */
    Menu bookmarks() {
        return bookmarks;
    }

    /** Every item with a key, in menu order, then the pane keys: the keyboard-shortcut sheet. */
    List<Shortcut> shortcuts() {
        List<Shortcut> all = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m, all);
        }
        all.addAll(shortcuts);
        return all;
    }

    private static void collect(Menu m, List<Shortcut> into) {
        for (MenuItem i : m.getItems()) {
            if (i instanceof Menu sub) {
                collect(sub, into);
            } else if (i.getAccelerator() != null) {
                into.add(new Shortcut(i.getAccelerator().getDisplayText(), i.getText().replace("_", "")));
            } else if (i.getProperties().get(SHOWN_KEY) instanceof String keys) {
                into.add(new Shortcut(keys, i.getText().replace("_", "").replace("    " + keys, "").strip()));
            }
        }
    }

    private static final String SHOWN_KEY = "ferry.shownKey";

    private Menu conflicts(MenuActions actions) {
        Menu menu = new Menu(msg.get("menu.transfer.conflict"));
        menu.setId("menu-transfer-conflict");
        ToggleGroup group = new ToggleGroup();
        List<ConflictChoice> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(List.of(ConflictChoice.values()));
        for (ConflictChoice c : choices) {
            RadioMenuItem r = new RadioMenuItem(msg.get("prefs.conflict." + (c == null ? "ask"
                    : c.name().toLowerCase(Locale.ROOT))));
            r.setId("menu-transfer-conflict-" + (c == null ? "ask" : c.name().toLowerCase(Locale.ROOT)));
            r.setToggleGroup(group);
            r.setSelected(c == actions.preferences().conflictDefaultProperty().get());
            r.setOnAction(e -> actions.preferences().conflictDefaultProperty().set(c));
            actions.preferences().conflictDefaultProperty().addListener((o, was, now) -> r.setSelected(now == c));
            menu.getItems().add(r);
        }
        return menu;
    }

    /** FileZilla's Transfer → Transfer type: Auto (each site's own), ASCII or Binary for every FTP transfer. */
    private Menu transferTypes(MenuActions actions) {
        Menu menu = new Menu(msg.get("menu.transfer.type"));
        menu.setId("menu-transfer-type");
        ToggleGroup group = new ToggleGroup();
        var chosen = actions.preferences().transferTypeProperty();
        for (TypeOverride t : TypeOverride.values()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            RadioMenuItem r = new RadioMenuItem(msg.get("menu.transfer.type." + name));
            r.setId("menu-transfer-type-" + name);
            r.setToggleGroup(group);
            r.setSelected(chosen.get() == t);
            r.setOnAction(e -> chosen.set(t));
            chosen.addListener((o, was, now) -> r.setSelected(now == t));
            menu.getItems().add(r);
        }
        return menu;
    }

    private Menu menu(String key, MenuItem... items) {
        Menu m = new Menu(msg.get("menu." + key));
        m.setId("menu-" + key);
        m.setMnemonicParsing(true);
        m.getItems().setAll(items);
        return m;
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private MenuItem item(String key, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(msg.get(key));
        item.setId(key.replace('.', '-')); // a dot in an id would read as a style class in a CSS lookup
        item.setMnemonicParsing(true);
        if (keys != null) {
            item.setAccelerator(keys);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** An item whose key is handled by the pane (a text field must keep it): the key is shown, not registered. */
    private MenuItem shown(String key, String keys, Runnable action) {
        MenuItem item = item(key, null, action);
        item.setText(msg.get(key) + "    " + keys);
        item.getProperties().put(SHOWN_KEY, keys);
        return item;
    }
}
