package org.ferryftp.ui.browser;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.ferryftp.ui.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * What a pane does from its context menu and from its keys, one entry per action: the menu's label and the shortcut
 * it shows, the key presses that do it, what it runs and when it may. The menu and the key handler are both made
 * from this one table, so an item and its key cannot come to do different things. The keys are handled by the
 * pane, not registered as the items' accelerators: both panes have such menus, and a key belongs to the pane it is
 * pressed in.
 */
final class PaneActions {

    /**
     * A key press as the pane sees it.
     *
     * @param inText  pressed in a text field (the filter, the path bar, a name being edited)
     * @param onTable pressed on the file table itself
     */
    record Press(KeyCode code, boolean shift, boolean shortcut, boolean alt, boolean inText, boolean onTable) {

        static Press of(KeyEvent e, Object table) {
            return new Press(e.getCode(), e.isShiftDown(), e.isShortcutDown(), e.isAltDown(),
                    e.getTarget() instanceof TextField, e.getTarget() == table);
        }

        /** {@code k} with no modifier at all: Ctrl+F5 and the like belong to the menu bar. */
        boolean bare(KeyCode k) {
            return code == k && !shift && !shortcut && !alt;
        }

        /** {@code k} with the shortcut key (Ctrl) and neither Shift nor Alt. */
        boolean ctrl(KeyCode k) {
            return code == k && shortcut && !shift && !alt;
        }

        /** {@code k} with the shortcut key and Shift. */
        boolean ctrlShift(KeyCode k) {
            return code == k && shortcut && shift;
        }

        /** {@code k} with Alt. */
        boolean alt(KeyCode k) {
            return code == k && alt;
        }

        /** {@code k} anywhere but in a text field, which has its own use for it. */
        boolean outsideText(KeyCode k) {
            return code == k && !inText;
        }
    }

    /**
     * One thing the pane does.
     *
     * @param menuKey  the message key of its context-menu item (also the item's id); null for a key alone
     * @param shortcut the key the menu item shows; null for none
     * @param keys     the presses that do it
     * @param run      what it does
     * @param enabled  whether it may now: the menu item is greyed out, the key does nothing
     * @param newGroup the menu has a separator before it
     */
    record Action(String menuKey, String shortcut, Predicate<Press> keys, Runnable run, BooleanSupplier enabled,
                  boolean newGroup) {

        private static final Predicate<Press> NO_KEY = p -> false;
        private static final BooleanSupplier ALWAYS = () -> true;

        /** A context-menu item, with the key the menu shows for it and the presses that do it. */
        static Action menu(String menuKey, String shortcut, Predicate<Press> keys, Runnable run) {
            return new Action(menuKey, shortcut, keys, run, ALWAYS, false);
        }

        /** A context-menu item that no key does. */
        static Action menu(String menuKey, Runnable run) {
            return new Action(menuKey, null, NO_KEY, run, ALWAYS, false);
        }

        /** Keys alone, with no menu item. */
        static Action key(Predicate<Press> keys, Runnable run) {
            return new Action(null, null, keys, run, ALWAYS, false);
        }

        /** This action, after a separator in the menu. */
        Action afterSeparator() {
            return new Action(menuKey, shortcut, keys, run, enabled, true);
        }

        /** This action, possible only while {@code when} holds. */
        Action enabledWhen(BooleanSupplier when) {
            return new Action(menuKey, shortcut, keys, run, when, newGroup);
        }
    }

    private final List<Action> actions;

    PaneActions(List<Action> actions) {
        this.actions = List.copyOf(actions);
    }

    List<Action> all() {
        return actions;
    }

    /** The action a press does, if any. */
    Optional<Action> forPress(Press press) {
        return actions.stream().filter(a -> a.keys().test(press)).findFirst();
    }

    /** Runs what {@code e} does on this pane (when it may) and consumes it; other presses pass on. */
    void handle(KeyEvent e, Object table) {
        forPress(Press.of(e, table)).ifPresent(a -> {
            e.consume();
            if (a.enabled().getAsBoolean()) {
                a.run().run();
            }
        });
    }

    /** The context menu of the actions that have an item, each showing its shortcut, greyed out while it may not. */
    ContextMenu contextMenu(Messages msg) {
        List<MenuItem> items = new ArrayList<>();
        List<Runnable> updates = new ArrayList<>();
        for (Action a : actions) {
            if (a.menuKey() == null) {
                continue;
            }
            if (a.newGroup()) {
                items.add(new SeparatorMenuItem());
            }
            MenuItem item = new MenuItem(a.shortcut() == null ? msg.get(a.menuKey())
                    : msg.get(a.menuKey()) + "    " + a.shortcut());
            item.setId(a.menuKey());
            item.setOnAction(e -> a.run().run());
            updates.add(() -> item.setDisable(!a.enabled().getAsBoolean()));
            items.add(item);
        }
        ContextMenu menu = new ContextMenu(items.toArray(MenuItem[]::new));
        menu.setOnShowing(e -> updates.forEach(Runnable::run));
        return menu;
    }
}
