package org.ferryftp.transfer.conflict;

import java.util.function.Predicate;

/**
 * Replaces the target only when the source is strictly newer. Unknown times never count as newer: guessing
 * would risk replacing a file the user changed.
 */
final class OverwriteIfNewerStrategy implements ConflictStrategy {

    @Override
    public ConflictResolution resolve(String targetName, FileFacts source, FileFacts target,
                                      Predicate<String> nameExists) {
        if (!source.modifiedKnown()) {
            return new ConflictResolution.Skip("source modification time unknown; cannot tell if it is newer");
        }
        if (!target.modifiedKnown()) {
            return new ConflictResolution.Skip("target modification time unknown; cannot tell if source is newer");
        }
        if (!source.modified().isAfter(target.modified())) {
            return new ConflictResolution.Skip("target is as new as the source or newer");
        }
        return new ConflictResolution.Write(targetName);
    }
}
