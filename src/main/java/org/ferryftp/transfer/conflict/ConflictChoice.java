package org.ferryftp.transfer.conflict;

/** What to do when the target of a transfer already exists. */
public enum ConflictChoice {
    /** Replace the target. */
    OVERWRITE,
    /** Replace the target only when the source is known to be newer. */
    OVERWRITE_IF_NEWER,
    /** Replace the target only when the sizes are known and differ. */
    OVERWRITE_IF_SIZE_DIFFERS,
    /** Append the missing tail when the target is a shorter copy. */
    RESUME,
    /** Keep the target and write to a free name such as {@code name (1).ext}. */
    RENAME,
    /** Leave the target alone. */
    SKIP
}
