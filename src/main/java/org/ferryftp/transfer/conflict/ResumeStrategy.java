package org.ferryftp.transfer.conflict;

import java.util.function.Predicate;

/**
 * Appends the missing tail when the target is shorter than the source. Anything else is skipped rather than
 * overwritten: a larger or unmeasurable target is not a partial copy of this source.
 */
final class ResumeStrategy implements ConflictStrategy {

    @Override
    public ConflictResolution resolve(String targetName, FileFacts source, FileFacts target,
                                      Predicate<String> nameExists) {
        if (!target.sizeKnown()) {
            return new ConflictResolution.Skip("cannot resume: target size unknown");
        }
        if (!source.sizeKnown()) {
            return new ConflictResolution.Skip("cannot resume: source size unknown");
        }
        if (target.size() < source.size()) {
            return new ConflictResolution.Resume(target.size());
        }
        if (target.size() == source.size()) {
            return new ConflictResolution.Skip("already complete");
        }
        return new ConflictResolution.Skip("cannot resume: target (" + target.size()
                + " bytes) is larger than the source (" + source.size() + " bytes)");
    }
}
