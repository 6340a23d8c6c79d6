package org.ferryftp.ui.edit;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ferryftp.fs.Location;
import org.ferryftp.session.RemotePaths;
import org.ferryftp.transfer.edit.OpenedFile;
import org.ferryftp.transfer.edit.FileOpener;
import org.ferryftp.transfer.edit.SystemOpener;
import org.ferryftp.transfer.edit.RemoteEdits;
import org.ferryftp.transfer.edit.SaveAction;
import org.ferryftp.transfer.edit.SaveWatcher;
import org.ferryftp.transfer.edit.ServerCheck;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.FileOpening;
import org.ferryftp.ui.concurrent.UiExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * "View" and "Edit" for the panes: a remote file is downloaded into the private folder and shown in the quick
 * viewer, or opened in another application and watched; each save is checked against the server and uploaded
 * through the queue as the user chose (without asking, after asking, or under a new name when it changed there).
 * Publishes a status line for the window.
 */
public final class RemoteFiles implements FileOpening, AutoCloseable {

    private final RemoteEdits edits;
    private final FileOpener opener;
    private final FileViewer viewer;
    private final EditDialogs dialogs;
    private final EditChoices choices;
    private final UiExecutor executor;
    private final Messages msg;
    private final SaveWatcher watcher;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public RemoteFiles(RemoteEdits edits, FileOpener opener, FileViewer viewer, EditDialogs dialogs,
                       EditChoices choices, UiExecutor executor, Messages msg) {
        this.edits = edits;
        this.opener = opener;
        this.viewer = viewer;
        this.dialogs = dialogs;
        this.choices = choices;
        this.executor = executor;
        this.msg = msg;
        try {
            this.watcher = new SaveWatcher(this::saved);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Shows the file in the quick viewer (a remote one after downloading it). */
    @Override
    public void view(Location file) {
        if (file.isLocal()) {
            viewer.show(Path.of(file.path()), file.path());
            return;
        }
        say(msg.format("edit.downloading", RemotePaths.name(file.path())));
        executor.execute(() -> edits.download(file),
                opened -> {
                    viewer.show(opened.local(), file.site().name() + ": " + file.path());
                    say(msg.format("edit.viewed", RemotePaths.name(file.path())));
                },
                e -> say(msg.format("edit.openFailed", RemotePaths.name(file.path()), reason(e))));
    }

    /** Opens the file in another application; a remote one is downloaded first and its saves uploaded. */
    @Override
    public void edit(Location file) {
        edit(file, opener);
    }

    /** As {@link #edit}, in a program the user picks now (the preferences' choice stays as it is). */
    @Override
    public void editWith(Location file) {
        dialogs.askProgram(RemotePaths.name(file.path()))
                .ifPresent(program -> edit(file, new SystemOpener(program::toString)));
    }

    private void edit(Location file, FileOpener opener) {
        String name = RemotePaths.name(file.path());
        if (file.isLocal()) {
            executor.execute(() -> {
                opener.open(Path.of(file.path()));
                return null;
            }, ok -> { }, e -> say(msg.format("edit.openFailed", name, reason(e))));
            return;
        }
        say(msg.format("edit.downloading", name));
        executor.execute(() -> {
            OpenedFile opened = edits.download(file);
            watcher.watch(opened.local());
            opener.open(opened.local());
            return opened;
        }, opened -> say(msg.format("edit.opened", name)),
                e -> say(msg.format("edit.openFailed", name, reason(e))));
    }

    /** On the watcher's thread: a private copy was saved. */
    private void saved(Path local) {
        edits.find(local).ifPresent(file -> executor.execute(() -> edits.check(file),
                check -> decide(file, check),
                e -> say(msg.format("edit.checkFailed", file.name(), reason(e)))));
    }

    private void decide(OpenedFile file, ServerCheck check) {
        String name = RemotePaths.name(file.remote().path());
        switch (SaveAction.decide(choices.autoUpload(), check)) {
            case UPLOAD -> upload(file, name);
            case ASK -> {
                EditDialogs.UploadAnswer answer = dialogs.askUpload(name);
                if (answer == EditDialogs.UploadAnswer.ALWAYS_UPLOAD) {
                    choices.setAutoUpload(true);
                }
                if (answer != EditDialogs.UploadAnswer.DO_NOT_UPLOAD) {
                    upload(file, name);
                } else {
                    say(msg.format("edit.notUploaded", name));
                }
            }
            case ASK_CHANGED_ON_SERVER, ASK_GONE -> {
                EditDialogs.ChangedAnswer answer = dialogs.askChanged(name,
                        check instanceof ServerCheck.Gone, suggestedName(name, msg.get("edit.savedAsSuffix")));
                if (answer instanceof EditDialogs.ChangedAnswer.Overwrite) {
                    upload(file, name);
                } else if (answer instanceof EditDialogs.ChangedAnswer.SaveAs s) {
                    upload(file, s.name());
                } else {
                    say(msg.format("edit.notUploaded", name));
                }
            }
        }
    }

    /** Every message reaches the window, also the same one twice. */
    private void say(String text) {
        status.set("");
        status.set(text);
    }

    private void upload(OpenedFile file, String targetName) {
        try {
            edits.upload(file, targetName);
            say(msg.format("edit.uploadQueued", targetName));
        } catch (IOException e) {
            say(msg.format("edit.openFailed", targetName, reason(e)));
        }
    }

    /** "notes.txt" and " (edited)" → "notes (edited).txt". */
    static String suggestedName(String name, String suffix) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
        watcher.close();
        edits.folder().close();
    }
}
