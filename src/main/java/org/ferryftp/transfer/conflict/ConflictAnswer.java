package org.ferryftp.transfer.conflict;

import java.util.Objects;

/**
 * The user's answer.
 *
 * @param choice                what to do with this file
 * @param applyToAll            use the same choice for every later conflict of this policy, without asking
 * @param rememberForDirection  use it for every later conflict in the same direction (kept by the policy)
 */
public record ConflictAnswer(ConflictChoice choice, boolean applyToAll, boolean rememberForDirection) {

    public ConflictAnswer {
        Objects.requireNonNull(choice, "choice");
    }

    /** An answer for this one file only. */
    public static ConflictAnswer once(ConflictChoice choice) {
        return new ConflictAnswer(choice, false, false);
    }
}
