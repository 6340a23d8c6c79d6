package org.ferryftp.transfer.conflict;

import java.util.function.Predicate;

/** Leaves the target alone. */
final class SkipStrategy implements ConflictStrategy {

    @Override
    public ConflictResolution resolve(String targetName, FileFacts source, FileFacts target,
                                      Predicate<String> nameExists) {
        return new ConflictResolution.Skip("target exists; skip chosen");
    }
}
