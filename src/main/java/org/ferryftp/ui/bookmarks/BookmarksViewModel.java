package org.ferryftp.ui.bookmarks;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferryftp.site.Bookmark;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.PaneViewModel;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.compare.SyncBrowsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bookmarks the menus show and what going to one does: the global bookmarks ({@link GlobalBookmarks}) and the
 * bookmarks of each saved site a pane shows (stored with the site by the site manager and the FileZilla import).
 * Going to one takes the pane showing the local disk to its local folder and the pane showing its site to its remote
 * folder (opening the site when no pane shows it), and may switch synchronized browsing on. Never touches controls.
 */
public final class BookmarksViewModel {

    /**
     * One menu entry.
     *
     * @param siteId the site the remote folder is on, or null for whichever a pane shows
     * @param global a global bookmark (can be managed here), or one of a site's
     */
    public record Entry(String name, String localDir, String remoteDir, String siteId, boolean syncBrowsing,
                        boolean global) {
    }

    private final GlobalBookmarks store;
    private final Function<String, List<Bookmark>> siteBookmarks;
    private final ObservableValue<PaneViewModel> leftSide;
    private final ObservableValue<PaneViewModel> rightSide;
    private final SyncBrowsing sync;
    private final List<Source> sources;
    private final Messages msg;
    private final ObservableList<GlobalBookmark> globals = FXCollections.observableArrayList();
    private final ObservableList<GlobalBookmark> globalsView = FXCollections.unmodifiableObservableList(globals);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");

    /**
     * @param siteBookmarks the bookmarks stored with a site, by its source's id
     * @param left          the pane the left side shows now (its selected tab), likewise {@code right}
     * @param sources       the sources the panes can show (to open a bookmark's site)
     */
    public BookmarksViewModel(GlobalBookmarks store, Function<String, List<Bookmark>> siteBookmarks,
                              ObservableValue<PaneViewModel> left, ObservableValue<PaneViewModel> right,
                              SyncBrowsing sync, List<Source> sources,
                              Messages msg) {
        this.store = store;
        this.siteBookmarks = siteBookmarks;
        this.leftSide = left;
        this.rightSide = right;
        this.sync = sync;
        this.sources = sources;
        this.msg = msg;
        globals.setAll(store.list());
    }

    public ObservableList<GlobalBookmark> globals() {
        return globalsView;
    }

    /** What the last action has to say (for the status bar), e.g. that a bookmark needs a site. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The global bookmarks, then those of the sites the panes show, in menu order. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (GlobalBookmark b : globals) {
            out.add(new Entry(b.name(), b.localDir(), b.remoteDir(), b.siteId(), b.syncBrowsing(), true));
        }
        out.addAll(siteEntries());
        return out;
    }

    /** The bookmarks stored with the sites shown in the panes. */
    public List<Entry> siteEntries() {
        List<Entry> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (PaneViewModel pane : List.of(left(), right())) {
            Source s = pane.sourceProperty().get();
            if (s != null && !s.isLocal() && !seen.contains(s.site().id())) {
                seen.add(s.site().id());
                for (Bookmark b : siteBookmarks.apply(s.site().id())) {
                    out.add(new Entry(b.name(), b.localDir(), b.remoteDir(), s.site().id(), false, false));
                }
            }
        }
        return out;
    }

    /** A new bookmark of the folders shown now: the local pane's and the remote pane's, on the remote pane's site. */
    public GlobalBookmark proposal() {
        PaneViewModel local = localPane().orElse(null);
        PaneViewModel remote = remotePane(null).orElse(null);
        String localDir = local == null ? null : local.pathProperty().get();
        String remoteDir = remote == null ? null : remote.pathProperty().get();
        String siteId = remote == null ? null : remote.sourceProperty().get().site().id();
        // Named after the remote folder, or the local one when the remote is a root ("/" names nothing).
        String name = remoteDir == null ? "" : lastSegment(remoteDir);
        if ((name.isEmpty() || name.equals(remoteDir)) && localDir != null) {
            name = lastSegment(localDir);
        }
        return new GlobalBookmark(name, localDir, remoteDir, siteId, sync.activeProperty().get());
    }

    /** Saves a bookmark (replacing one of the same name); returns why it cannot be, or null when saved. */
    public String add(GlobalBookmark b) {
        if (b.name().isEmpty()) {
            return msg.get("bookmarks.error.name");
        }
        if (b.localDir() == null && b.remoteDir() == null) {
            return msg.get("bookmarks.error.folders");
        }
        store.put(b);
        globals.setAll(store.list());
        message.set(msg.format("bookmarks.added", b.name()));
        return null;
    }

    public void remove(GlobalBookmark b) {
        store.remove(b.name());
        globals.setAll(store.list());
    }

    /** Goes to a bookmark's folders. */
    public void go(Entry e) {
        PaneViewModel local = e.localDir() == null ? null : localPane().orElse(null);
        PaneViewModel remote = null;
        if (e.remoteDir() != null) {
            remote = remotePane(e.siteId()).orElse(null);
            if (remote == null) {
                Optional<Source> site = e.siteId() == null ? Optional.empty()
                        : sources.stream().filter(s -> !s.isLocal() && s.site().id().equals(e.siteId())).findFirst();
                if (site.isEmpty()) {
                    message.set(msg.format("bookmarks.noSite", e.name()));
                    return;
                }
                // The site opens in the pane not showing the local disk, straight at the bookmark's folder.
                remote = local == right() ? left() : right();
                remote.open(site.get(), e.remoteDir());
            }
        }
        if (e.syncBrowsing() && local != null && remote != null) {
            boolean localLeft = local == left();
            sync.start(localLeft ? e.localDir() : e.remoteDir(), localLeft ? e.remoteDir() : e.localDir());
            return;
        }
        if (local != null) {
            local.navigate(e.localDir());
        } else if (e.localDir() != null && e.remoteDir() == null) {
            message.set(msg.format("bookmarks.noLocal", e.name()));
        }
        if (remote != null && !e.remoteDir().equals(remote.pathProperty().get())) {
            remote.navigate(e.remoteDir());
        }
    }

    /** "www" for "/home/www/" or "C:\\Users\\www"; the path itself at a root. */
    static String lastSegment(String path) {
        String trimmed = path.replaceAll("[/\\\\]+$", "");
        String last = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
        return last.isEmpty() ? path : last;
    }

    private Optional<PaneViewModel> localPane() {
        return List.of(left(), right()).stream().filter(p -> p.sourceProperty().get() != null
                && p.sourceProperty().get().isLocal()).findFirst();
    }

    /** The pane showing {@code siteId}, or any site when null. */
    private Optional<PaneViewModel> remotePane(String siteId) {
        return List.of(left(), right()).stream().filter(p -> {
            Source s = p.sourceProperty().get();
            return s != null && !s.isLocal() && (siteId == null || s.site().id().equals(siteId));
        }).findFirst();
    }

    /** The pane each side shows now (its selected tab). */
    private PaneViewModel left() {
        return leftSide.getValue();
    }

    private PaneViewModel right() {
        return rightSide.getValue();
    }
}
