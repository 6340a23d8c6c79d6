package org.ferryftp.transfer;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.Location;
import org.ferryftp.transfer.conflict.ConflictChoice;

import java.util.Objects;

/**
 * What a pane, a drag or the command line asks to move: one file or one directory tree from
 * {@code source} into the directory {@code targetDirectory}, keeping its name.
 *
 * @param source          the file or directory to copy
 * @param directory       true when {@code source} is a directory (copied recursively)
 * @param targetDirectory the directory that receives it
 * @param priority        queue priority
 * @param targetName      the name to give it in the target directory, or null to keep its name
 * @param sourceFacts     what a listing just said of the source file (its size and time), so the transfer need
 *                        not ask the server again; null to ask
 * @param onConflict      what to do when the target exists, when the user has already said (e.g. an edited file
 *                        uploaded over the one it was opened from); null to let the queue's conflict policy decide
 */
public record TransferRequest(Location source, boolean directory, Location targetDirectory, Priority priority,
                              String targetName, FileEntry sourceFacts, ConflictChoice onConflict) {

    public TransferRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(targetDirectory, "targetDirectory");
        Objects.requireNonNull(priority, "priority");
    }

    public TransferRequest(Location source, boolean directory, Location targetDirectory, Priority priority,
                           String targetName, FileEntry sourceFacts) {
        this(source, directory, targetDirectory, priority, targetName, sourceFacts, null);
    }

    public TransferRequest(Location source, boolean directory, Location targetDirectory, Priority priority,
                           String targetName) {
        this(source, directory, targetDirectory, priority, targetName, null, null);
    }

    public TransferRequest(Location source, boolean directory, Location targetDirectory, Priority priority) {
        this(source, directory, targetDirectory, priority, null, null, null);
    }

    /** Local to local copies are the file manager's job, not an FTP client's. */
    public boolean involvesASite() {
        return !source.isLocal() || !targetDirectory.isLocal();
    }
}
