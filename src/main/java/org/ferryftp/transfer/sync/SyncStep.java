package org.ferryftp.transfer.sync;

import org.ferryftp.fs.FileEntry;

import java.util.Objects;

/**
 * One step of a mirror's plan.
 *
 * @param path      relative to both roots, '/'-separated
 * @param directory the source is a directory (a copy takes its whole tree)
 * @param reason    why, in words, for the dry run and the preview
 * @param source    the source's entry as its listing gave it (size, time), or null; a copy passes it on so the
 *                  transfer does not ask the server for what the plan already knows
 */
public record SyncStep(Action action, String path, boolean directory, String reason, FileEntry source) {

    public enum Action {
        /** Missing at the target. */
        COPY,
        /** A directory missing at the target, created before its files are copied one by one (filters apply). */
        MKDIR,
        /** At the target, but different. */
        UPDATE,
        /** At the target as the other kind (a file that became a directory): delete it, then copy. */
        REPLACE,
        /** Only at the target, and deleting was asked for. */
        DELETE,
        /** Left as it is. */
        SKIP
    }

    public SyncStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    public SyncStep(Action action, String path, boolean directory, String reason) {
        this(action, path, directory, reason, null);
    }

    /** Whether carrying it out is a transfer (a copy, an update or a replacement). */
    public boolean transfers() {
        return action == Action.COPY || action == Action.UPDATE || action == Action.REPLACE;
    }

    /** The dry run's line: {@code update  docs/a.txt  (size differs: 10 → 12 bytes)}. */
    public String line() {
        return String.format("%-7s %s%s  (%s)", action.name().toLowerCase(java.util.Locale.ROOT), path,
                directory ? "/" : "", reason);
    }
}
