package org.ferryftp.ui.browser;

import org.ferryftp.fs.DirectoryListing;
import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.RemoteBrowser;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.ui.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * File operations of a pane (new folder, rename, delete, permissions, properties, URLs). Asks the
 * user through {@link PaneDialogs}, runs on the pane's connection in the background, then refreshes.
 */
public final class PaneOperations {

    @FunctionalInterface
    private interface Work {
        void run(FileBrowser b) throws Exception;
    }

    private final PaneViewModel pane;
    private final PaneDialogs dialogs;
    private final Messages messages;

    public PaneOperations(PaneViewModel pane, PaneDialogs dialogs) {
        this.pane = pane;
        this.dialogs = dialogs;
        this.messages = pane.messages();
    }

    public PaneViewModel pane() {
        return pane;
    }

    public void newFolder() {
        String dir = pane.pathProperty().get();
        if (dir == null) {
            return;
        }
        dialogs.askNewFolderName().map(String::trim).filter(n -> !n.isEmpty()).ifPresent(name -> {
            if (invalid(name)) {
                return;
            }
            run(messages.format("op.mkdir", name), b -> b.makeDirectories(b.join(dir, name)));
        });
    }

    /** Makes {@code path} (with its parents) and shows it: "create it" for a missing counterpart folder. */
    public void makeFoldersAndOpen(String path) {
        FileBrowser b = pane.browser();
        if (b == null) {
            return;
        }
        pane.setBusy(true);
        pane.executor().execute(() -> {
            synchronized (b) {
                b.makeDirectories(path);
            }
            return null;
        }, ok -> {
            pane.setBusy(false);
            pane.invalidateAndRefresh();
            pane.navigate(path);
        }, failure -> {
            pane.setBusy(false);
            pane.setStatus(messages.format("op.failed", messages.format("op.mkdir", path), FailureReason.of(failure)));
        });
    }

    public void rename(FileRow row) {
        if (row != null && !row.isParent()) {
            dialogs.askNewName(row.name()).ifPresent(name -> renameTo(row, name));
        }
    }

    /** Renames {@code row} to {@code typed} (the table's in-place edit, or the dialog); a blank or same name does nothing. */
    public void renameTo(FileRow row, String typed) {
        String dir = pane.pathProperty().get();
        String name = typed == null ? "" : typed.trim();
        if (row == null || row.isParent() || dir == null || name.isEmpty() || name.equals(row.name()) || invalid(name)) {
            return;
        }
        run(messages.format("op.rename", row.name(), name), b -> b.rename(b.join(dir, row.name()), b.join(dir, name)));
    }

    /** Server, Custom command: asks for a raw command, sends it on this pane's connection, shows the reply. */
    public void customCommand() {
        if (!(pane.browser() instanceof RemoteBrowser remote)) {
            pane.setStatus(messages.get("command.notRemote"));
            return;
        }
        dialogs.askCommand(remote.displayName()).map(String::strip).filter(c -> !c.isEmpty()).ifPresent(command -> {
            pane.setStatus(messages.format("command.sending", command));
            pane.executor().execute(() -> {
                synchronized (remote) {
                    return remote.custom(command);
                }
            }, reply -> {
                pane.setStatus(messages.format("command.replied", command,
                        reply.lines().reduce((first, last) -> last).orElse("")));
                dialogs.showReply(command, reply);
            }, failure -> pane.setStatus(messages.format("op.failed", command, FailureReason.of(failure))));
        });
    }

    public void delete(List<FileRow> rows) {
        String dir = pane.pathProperty().get();
        if (rows.isEmpty() || dir == null) {
            return;
        }
        List<FileEntry> entries = rows.stream().map(FileRow::entry).toList();
        if (!dialogs.confirmDelete(entries)) {
            return;
        }
        run(messages.format("op.delete", entries.size()), b -> {
            for (FileEntry e : entries) {
                b.delete(b.join(dir, e.name()), e.isDirectory(), e.isDirectory());
            }
        });
    }

    public void chmod(List<FileRow> rows) {
        String dir = pane.pathProperty().get();
        if (rows.isEmpty() || dir == null) {
            return;
        }
        List<FileEntry> entries = rows.stream().map(FileRow::entry).toList();
        int current = PermissionBits.fromSymbolic(entries.get(0).permissions());
        Optional<PaneDialogs.ChmodChoice> choice = dialogs.askPermissions(entries, current);
        choice.filter(c -> PermissionBits.parseOctal(c.octal()) >= 0).ifPresent(c ->
                run(messages.format("op.chmod", c.octal(), entries.size()), b -> {
                    for (FileEntry e : entries) {
                        chmod(b, b.join(dir, e.name()), e.isDirectory(), c);
                    }
                }));
    }

    private static void chmod(FileBrowser b, String p, boolean directory, PaneDialogs.ChmodChoice c)
            throws Exception {
        b.chmod(p, c.octal());
        if (directory && c.recursive()) {
            DirectoryListing l = b.list(p);
            for (FileEntry child : l.entries()) {
                chmod(b, b.join(p, child.name()), child.isDirectory(), c);
            }
        }
    }

    public void properties(FileRow row) {
        if (row != null && pane.browser() != null) {
            String p = pane.childPath(row.name());
            dialogs.showProperties(row.entry(), p, pane.browser().describe(p));
        }
    }

    /** The URL (or local URI) of each row, one per line; never contains a password. */
    public String urls(List<FileRow> rows) {
        FileBrowser b = pane.browser();
        if (b == null) {
            return "";
        }
        String dir = pane.pathProperty().get();
        List<String> urls = new ArrayList<>();
        for (FileRow r : rows.isEmpty() ? List.<FileRow>of() : rows) {
            urls.add(b.describe(b.join(dir, r.name())));
        }
        return urls.isEmpty() ? b.describe(dir) : String.join("\n", urls);
    }

    /** What a transfer of {@code rows} starts from. */
    public List<TransferPlanner.Item> items(List<FileRow> rows) {
        Location dir = pane.currentLocation();
        if (dir == null) {
            return List.of();
        }
        List<TransferPlanner.Item> items = new ArrayList<>(rows.size());
        for (FileRow r : rows) {
            String p = pane.childPath(r.name());
            Location src = dir.isLocal() ? Location.local(p) : Location.remote(dir.site(), p);
            items.add(new TransferPlanner.Item(src, dir, r.isDirectory()));
        }
        return items;
    }

    private boolean invalid(String name) {
        if (!RemoteEntry.isSafeName(name)) {
            pane.setStatus(messages.format("op.badName", name));
            return true;
        }
        return false;
    }

    private void run(String description, Work work) {
        FileBrowser b = pane.browser();
        if (b == null) {
            return;
        }
        pane.setBusy(true);
        pane.setStatus(description + "…");
        pane.executor().execute(() -> {
            synchronized (b) {
                work.run(b);
            }
            return null;
        }, ok -> {
            pane.setBusy(false);
            pane.setStatus(messages.get("status.ready")); // the "…in progress" text must not outlive the action
            pane.invalidateAndRefresh();
        }, failure -> {
            pane.setBusy(false);
            pane.setStatus(messages.format("op.failed", description, FailureReason.of(failure)));
            pane.invalidateAndRefresh();
        });
    }
}
