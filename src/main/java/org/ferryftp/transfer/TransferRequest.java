package org.ferryftp.transfer;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.Location;

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
 */
public record TransferRequest(Location source, boolean directory, Location targetDirectory, Priority priority,
                              String targetName, FileEntry sourceFacts) {

    public TransferRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(targetDirectory, "targetDirectory");
        Objects.requireNonNull(priority, "priority");
    }

    public TransferRequest(Location source, boolean directory, Location targetDirectory, Priority priority,
                           String targetName) {
        this(source, directory, targetDirectory, priority, targetName, null);
    }

    public TransferRequest(Location source, boolean directory, Location targetDirectory, Priority priority) {
        this(source, directory, targetDirectory, priority, null, null);
    }

    /** Local to local copies are the file manager's job, not an FTP client's. */
    public boolean involvesASite() {
        return !source.isLocal() || !targetDirectory.isLocal();
    }
}
