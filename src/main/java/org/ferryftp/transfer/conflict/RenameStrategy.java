package org.ferryftp.transfer.conflict;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Writes to the first free name {@code stem (n)ext}, n = 1, 2, … up to {@link #MAX_ATTEMPTS}.
 *
 * <p>Where the number goes: before the extension, as desktop file managers do, so the copy still opens with
 * the same program. Known double extensions stay whole ({@code archive.tar.gz} → {@code archive (1).tar.gz}),
 * since {@code archive.tar (1).gz} would no longer look like a tarball. A leading dot is part of the name, not
 * an extension ({@code .bashrc} → {@code .bashrc (1)}, {@code .config.json} → {@code .config (1).json}).
 */
final class RenameStrategy implements ConflictStrategy {

    static final int MAX_ATTEMPTS = 999;
    private static final List<String> DOUBLE_EXTENSIONS =
            List.of(".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst", ".tar.lz", ".tar.z");

    @Override
    public ConflictResolution resolve(String targetName, FileFacts source, FileFacts target,
                                      Predicate<String> nameExists) {
        int split = extensionStart(targetName);
        String stem = targetName.substring(0, split);
        String extension = targetName.substring(split);
        for (int n = 1; n <= MAX_ATTEMPTS; n++) {
            String candidate = stem + " (" + n + ")" + extension;
            if (!nameExists.test(candidate)) {
                return new ConflictResolution.Write(candidate);
            }
        }
        return new ConflictResolution.Skip("no free name found after " + MAX_ATTEMPTS + " attempts");
    }

    /** Index where the extension starts, or the name's length when there is none. */
    static int extensionStart(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : DOUBLE_EXTENSIONS) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) {
                return name.length() - ext.length();
            }
        }
        int dot = name.lastIndexOf('.');
        // Dot at 0 is a dotfile; a trailing dot has no extension after it.
        return dot <= 0 || dot == name.length() - 1 ? name.length() : dot;
    }
}
