package org.ferryftp.transfer.conflict;

import org.ferryftp.transfer.TransferDirection;

import java.util.Objects;

/** What the user is asked when a target exists: both paths and what is known of both files. */
public record ConflictQuestion(TransferDirection direction, String sourcePath, String targetPath,
                               FileFacts source, FileFacts target) {

    public ConflictQuestion {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(targetPath, "targetPath");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}
