package org.ferryftp.transfer.conflict;

import java.util.function.Predicate;

/** Decides one conflict for one {@link ConflictChoice}; implementations are stateless. */
@FunctionalInterface
public interface ConflictStrategy {

    /**
     * @param targetName the existing target's file name (no directory)
     * @param source     facts about the file being transferred
     * @param target     facts about the existing target
     * @param nameExists whether a name is taken in the target directory (used by rename)
     */
    ConflictResolution resolve(String targetName, FileFacts source, FileFacts target, Predicate<String> nameExists);
}
