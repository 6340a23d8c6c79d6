package org.ferryftp.ui.main;

import javafx.application.Platform;
import org.ferryftp.fs.Location;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.QueueListener;
import org.ferryftp.ui.browser.PaneView;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Refreshes a pane when a transfer finishes in the directory it shows, as FileZilla does, so a
 * dropped file appears without pressing refresh. At most one refresh per pane is pending at a
 * time, however many files finish; every tab of a side showing the folder is refreshed.
 */
final class RefreshOnArrival implements QueueListener {

    private final List<List<PaneView>> panes;
    private final AtomicBoolean[] pending;

    /** @param sides each side's tabs (read on the FX thread): every tab showing the folder is refreshed */
    @SafeVarargs
    RefreshOnArrival(List<PaneView>... sides) {
        this.panes = List.of(sides);
        this.pending = new AtomicBoolean[sides.length];
        for (int i = 0; i < sides.length; i++) {
            pending[i] = new AtomicBoolean();
        }
    }

    @Override
    public void itemsAdded(List<ItemSnapshot> items) {
        // Nothing arrives before it is done.
    }

    @Override
    public void itemChanged(ItemSnapshot item) {
        if (!(item.state() instanceof ItemState.Done)) {
            return;
        }
        for (int i = 0; i < panes.size(); i++) {
            int index = i;
            if (pending[i].compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    pending[index].set(false);
                    for (PaneView pane : panes.get(index)) {
                        Location shown = pane.viewModel().currentLocation();
                        if (shown != null && showsParentOf(shown, item.target())) {
                            pane.viewModel().refresh();
                        }
                    }
                });
            }
        }
    }

    @Override
    public void itemsRemoved(List<Long> ids) {
        // Removing history changes no directory.
    }

    static boolean showsParentOf(Location shown, Location target) {
        boolean sameSide = shown.isLocal() ? target.isLocal()
                : !target.isLocal() && shown.site().id().equals(target.site().id());
        if (!sameSide) {
            return false;
        }
        if (target.isLocal()) {
            Path parent = Path.of(target.path()).toAbsolutePath().getParent();
            return parent != null && parent.equals(Path.of(shown.path()).toAbsolutePath());
        }
        String t = target.path();
        int slash = t.lastIndexOf('/');
        String parent = slash <= 0 ? (slash == 0 ? "/" : "") : t.substring(0, slash);
        String s = shown.path().length() > 1 && shown.path().endsWith("/")
                ? shown.path().substring(0, shown.path().length() - 1) : shown.path();
        return parent.equals(s) || (parent.isEmpty() && s.isEmpty());
    }
}
