package org.ferryftp.transfer;

import org.ferryftp.fs.PartialDownload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether one copy under fault ended one of the two allowed ways (issue 13): done, with the file
 * byte-identical under its final name and nothing else left; or failed, with no wrong file under the
 * final name and nothing but the partial {@code NAME.ferry-part} left (with, for a download, the record of
 * its origin, {@code NAME.ferry-part.origin}, while the partial is there). Each broken rule is one
 * violation, named by a kind in capitals.
 */
final class CutPointVerdict {

    private CutPointVerdict() {
    }

    /** The violations of a copy of {@code content} to {@code dir/name} that ended in {@code state}. */
    static List<String> violations(ItemState state, Path dir, String name, byte[] content) throws IOException {
        String partial = name + PartialDownload.SUFFIX;
        String origin = partial + ".origin";
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        boolean present = names.contains(name);
        String wrong = present ? difference(Files.readAllBytes(dir.resolve(name)), content) : null;
        List<String> violations = new ArrayList<>();
        boolean partialThere = names.contains(partial);
        List<String> stray = names.stream().filter(n -> !n.equals(name) && !n.equals(partial)
                && !(n.equals(origin) && partialThere && !(state instanceof ItemState.Done))).toList();
        if (!stray.isEmpty()) {
            violations.add("STRAY_FILES: " + stray);
        }
        if (state instanceof ItemState.Done) {
            if (!present) {
                violations.add("DONE_BUT_MISSING: nothing under " + name);
            } else if (wrong != null) {
                violations.add("DONE_NOT_IDENTICAL: " + name + " has " + wrong);
            }
            if (names.contains(partial)) {
                violations.add("PARTIAL_LEFT_AFTER_SUCCESS: " + partial);
            }
        } else if (state instanceof ItemState.Failed) {
            if (wrong != null) {
                violations.add("FAILED_WITH_WRONG_FILE_UNDER_FINAL_NAME: " + name + " has " + wrong);
            }
        } else if (state instanceof ItemState.Skipped s) {
            // The target did not exist before the run: whatever was there was the item's own earlier attempt.
            violations.add("SKIPPED_OWN_ATTEMPT (" + s.reason() + ")"
                    + (wrong != null ? ", leaving " + name + " with " + wrong : ""));
        } else {
            violations.add("UNEXPECTED_STATE: " + state);
        }
        return violations;
    }

    /** How {@code got} differs from {@code wanted}, or null when it does not. */
    private static String difference(byte[] got, byte[] wanted) {
        if (Arrays.equals(got, wanted)) {
            return null;
        }
        return got.length == wanted.length ? "same size, different bytes" : got.length + " of " + wanted.length + " bytes";
    }
}
