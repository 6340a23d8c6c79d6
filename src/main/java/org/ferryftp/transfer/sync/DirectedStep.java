package org.ferryftp.transfer.sync;

import java.util.Objects;

/**
 * A step of a plan between two folders shown side by side, with the side it changes.
 *
 * @param step    what is done; its {@code source} entry is that of the side copied from (null for a conflict)
 * @param towards the side that is changed, or {@link Towards#EITHER} for a conflict the user decides
 */
public record DirectedStep(SyncStep step, Towards towards) {

    public enum Towards {
        /** The left side is copied onto the right. */
        RIGHT,
        /** The right side is copied onto the left. */
        LEFT,
        /** A conflict: both sides changed, or one has a file where the other has a directory. */
        EITHER
    }

    public DirectedStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(towards, "towards");
    }

    public boolean conflict() {
        return towards == Towards.EITHER;
    }
}
