package org.ferryftp.transfer.conflict;

/** Maps each {@link ConflictChoice} to its strategy. */
public final class ConflictStrategies {

    private ConflictStrategies() {
    }

    public static ConflictStrategy of(ConflictChoice choice) {
        return switch (choice) {
            case OVERWRITE -> new OverwriteStrategy();
            case OVERWRITE_IF_NEWER -> new OverwriteIfNewerStrategy();
            case OVERWRITE_IF_SIZE_DIFFERS -> new OverwriteIfSizeDiffersStrategy();
            case RESUME -> new ResumeStrategy();
            case RENAME -> new RenameStrategy();
            case SKIP -> new SkipStrategy();
        };
    }
}
