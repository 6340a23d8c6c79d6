package org.ferryftp.transfer.edit;

import org.ferryftp.fs.Location;
import org.ferryftp.session.RemoteFileStatus;
import org.ferryftp.session.RemotePaths;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;
import org.ferryftp.session.TransferListener;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.TransferSubmitter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remote files opened for viewing or editing: each is downloaded on a session of its own into the private
 * {@link EditFolder}, and what the server says of it is kept, so that a save can be checked against the server
 * before it is uploaded through the queue. Blocking calls: run them off the UI thread.
 */
public final class RemoteEdits {

    private final SessionFactory sessions;
    private final EditFolder folder;
    private final TransferSubmitter submitter;
    private final Map<Path, OpenedFile> opened = new ConcurrentHashMap<>();

    public RemoteEdits(SessionFactory sessions, EditFolder folder, TransferSubmitter submitter) {
        this.sessions = sessions;
        this.folder = folder;
        this.submitter = submitter;
    }

    /** Downloads {@code remote} (a file on a site) into a fresh private place and remembers it. */
    public OpenedFile download(Location remote) throws SessionException, IOException {
        if (remote.isLocal()) {
            throw new IllegalArgumentException("not a remote file: " + remote.path());
        }
        Path local = folder.placeFor(RemotePaths.name(remote.path()));
        try (RemoteSession session = sessions.open(remote.site());
             OutputStream out = Files.newOutputStream(local)) {
            session.download(remote.path(), out, 0, TransferListener.NONE);
            RemoteFileStatus status = session.status(remote.path());
            OpenedFile file = new OpenedFile(remote, local, status);
            opened.put(local, file);
            return file;
        }
    }

    /** The opened file whose private copy is {@code local}, as it stands now. */
    public Optional<OpenedFile> find(Path local) {
        return Optional.ofNullable(opened.get(local));
    }

    /** Asks the server whether the file is still what was opened (or last uploaded). */
    public ServerCheck check(OpenedFile file) throws SessionException {
        try (RemoteSession session = sessions.open(file.remote().site())) {
            return ServerCheck.compare(file.onServer(), session.status(file.remote().path()));
        }
    }

    /**
     * Queues the upload of the private copy into the file's remote folder, as {@code targetName} (its own name to
     * overwrite it). The server's time after the upload is not known yet, so a later check of the same file
     * compares the size the copy had when queued.
     */
    public void upload(OpenedFile file, String targetName) throws IOException {
        Location remote = file.remote();
        String dir = RemotePaths.parent(remote.path());
        // The user chose to upload (over the file, or as a new name) before this: the queue does not ask again.
        submitter.submit(java.util.List.of(new TransferRequest(Location.local(file.local().toString()), false,
                Location.remote(remote.site(), dir), Priority.HIGH, targetName, null, ConflictChoice.OVERWRITE)));
        if (targetName.equals(RemotePaths.name(remote.path()))) {
            opened.put(file.local(), new OpenedFile(remote, file.local(),
                    new RemoteFileStatus.Present(Files.size(file.local()), null, "upload")));
        }
    }

    public EditFolder folder() {
        return folder;
    }
}
