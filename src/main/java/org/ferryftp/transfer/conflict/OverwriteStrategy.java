package org.ferryftp.transfer.conflict;

import java.util.function.Predicate;

/** Replaces the target unconditionally: the user asked for exactly that. */
final class OverwriteStrategy implements ConflictStrategy {

    @Override
    public ConflictResolution resolve(String targetName, FileFacts source, FileFacts target,
                                      Predicate<String> nameExists) {
        return new ConflictResolution.Write(targetName);
    }
}
