package org.ferryftp.transfer.conflict;

import java.util.function.Predicate;

/** Replaces the target only when both sizes are known and differ; unknown sizes are not evidence of a change. */
final class OverwriteIfSizeDiffersStrategy implements ConflictStrategy {

    @Override
    public ConflictResolution resolve(String targetName, FileFacts source, FileFacts target,
                                      Predicate<String> nameExists) {
        if (!source.sizeKnown() || !target.sizeKnown()) {
            return new ConflictResolution.Skip((source.sizeKnown() ? "target" : "source")
                    + " size unknown; cannot tell if the sizes differ");
        }
        if (source.size() == target.size()) {
            return new ConflictResolution.Skip("same size (" + source.size() + " bytes) as the source");
        }
        return new ConflictResolution.Write(targetName);
    }
}
