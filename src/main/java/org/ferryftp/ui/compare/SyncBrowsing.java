package org.ferryftp.ui.compare;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.ferryftp.ui.browser.PaneOperations;
import org.ferryftp.ui.browser.PaneViewModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Synchronized browsing (a toggle): from a pair of roots, a pane that moves to {@code root/a/b} takes the other
 * pane to its {@code root/a/b}. A counterpart that does not exist is not entered: {@link #missingProperty()} names it
 * so the view can offer to create it. Moves outside the roots are not followed. Never touches controls.
 */
public final class SyncBrowsing {

    /** A folder the other pane lacks: {@code path} in the right pane when {@code rightPane}, else in the left. */
    public record Missing(boolean rightPane, String path) {
    }

    private final ObservableValue<PaneOperations> left;
    private final ObservableValue<PaneOperations> right;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyObjectWrapper<Missing> missing = new ReadOnlyObjectWrapper<>(this, "missing");
    private final ReadOnlyStringWrapper leftRoot = new ReadOnlyStringWrapper(this, "leftRoot");
    private final ReadOnlyStringWrapper rightRoot = new ReadOnlyStringWrapper(this, "rightRoot");

    public SyncBrowsing(PaneOperations left, PaneOperations right) {
        this(new SimpleObjectProperty<>(left), new SimpleObjectProperty<>(right));
    }

    /**
     * Follows whichever pane each side shows now (a side's selected tab; null until it has one). Switching tabs
     * moves nothing: only navigating in the shown tab is followed, from the same roots.
     */
    public SyncBrowsing(ObservableValue<PaneOperations> left, ObservableValue<PaneOperations> right) {
        this.left = left;
        this.right = right;
        listen(left, (o, a, p) -> follow(false, p));
        listen(right, (o, a, p) -> follow(true, p));
    }

    private static void listen(ObservableValue<PaneOperations> side, ChangeListener<String> onPath) {
        if (side.getValue() != null) {
            side.getValue().pane().pathProperty().addListener(onPath);
        }
        side.addListener((o, was, now) -> {
            if (was != null) {
                was.pane().pathProperty().removeListener(onPath);
            }
            if (now != null) {
                now.pane().pathProperty().addListener(onPath);
            }
        });
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** The counterpart folder that does not exist, or null. */
    public ReadOnlyObjectProperty<Missing> missingProperty() {
        return missing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty leftRootProperty() {
        return leftRoot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rightRootProperty() {
        return rightRoot.getReadOnlyProperty();
    }

    /** Switches on or off; on, the roots are the folders both panes show now. */
    public void setActive(boolean on) {
        if (!on) {
            stop();
        } else if (!active.get()) {
            start(left.getValue().pane().pathProperty().get(), right.getValue().pane().pathProperty().get());
        }
    }

    /** Switches on from these roots (a bookmark's pair); either pane not yet there is taken there. */
    public void start(String leftDir, String rightDir) {
        if (leftDir == null || rightDir == null) {
            return;
        }
        leftRoot.set(leftDir);
        rightRoot.set(rightDir);
        missing.set(null);
        active.set(true);
        goTo(left.getValue().pane(), leftDir);
        goTo(right.getValue().pane(), rightDir);
    }

    public void stop() {
        active.set(false);
        missing.set(null);
    }

    /** Creates the missing counterpart and takes its pane there. */
    public void createMissing() {
        Missing m = missing.get();
        if (m != null) {
            missing.set(null);
            (m.rightPane() ? right : left).getValue().makeFoldersAndOpen(m.path());
        }
    }

    private static void goTo(PaneViewModel pane, String dir) {
        if (!dir.equals(pane.pathProperty().get())) {
            pane.navigate(dir);
        }
    }

    private void follow(boolean fromRight, String path) {
        if (!active.get() || path == null) {
            return;
        }
        List<String> rel = relative(fromRight ? rightRoot.get() : leftRoot.get(), path);
        if (rel == null) {
            return; // outside the roots: nothing corresponds
        }
        PaneViewModel other = (fromRight ? left : right).getValue().pane();
        String target = fromRight ? leftRoot.get() : rightRoot.get();
        for (String segment : rel) {
            target = other.join(target, segment);
        }
        Missing was = missing.get();
        if (was != null && was.rightPane() != fromRight) {
            missing.set(null); // the pane that lacked a folder moved on
        }
        if (target.equals(other.pathProperty().get())) {
            return;
        }
        if (rel.isEmpty()) {
            other.navigate(target);
            return;
        }
        String wanted = target;
        String parent = other.parentOf(target);
        String name = rel.get(rel.size() - 1);
        // Entered only when it exists: a failed listing would leave the other pane where it was, saying little.
        other.childFolders(parent, names -> {
            if (!active.get() || !path.equals((fromRight ? right : left).getValue().pane().pathProperty().get())) {
                return; // moved on meanwhile
            }
            if (names.contains(name)) {
                missing.set(null);
                other.navigate(wanted);
            } else {
                missing.set(new Missing(!fromRight, wanted));
            }
        });
    }

    /** The segments of {@code path} below {@code root} (empty at the root), or null when it is not below it. */
    static List<String> relative(String root, String path) {
        if (root == null) {
            return null;
        }
        if (path.equals(root)) {
            return List.of();
        }
        boolean rootEndsWithSeparator = root.endsWith("/") || root.endsWith("\\");
        if (!path.startsWith(root) || !rootEndsWithSeparator && !isSeparator(path.charAt(root.length()))) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String s : path.substring(root.length()).split("[/\\\\]")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '\\';
    }
}
