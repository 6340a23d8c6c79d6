package org.ferryftp.transfer.conflict;

import java.util.Objects;

/** The outcome of a conflict: what the transfer should do with its target. */
public sealed interface ConflictResolution {

    /** Write the whole file to {@code targetName}: replaces the target, or creates a new name after a rename. */
    record Write(String targetName) implements ConflictResolution {
        public Write {
            Objects.requireNonNull(targetName, "targetName");
        }
    }

    /** Append to the existing target from {@code offset} (the target's current size). */
    record Resume(long offset) implements ConflictResolution {
        public Resume {
            if (offset < 0) {
                throw new IllegalArgumentException("negative resume offset: " + offset);
            }
        }
    }

    /** Leave the target alone; {@code reason} is shown to the user in the queue. */
    record Skip(String reason) implements ConflictResolution {
        public Skip {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
