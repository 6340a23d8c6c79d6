package org.ferryftp.site.store;

import org.ferryftp.fs.AtomicFiles;
import org.ferryftp.site.SiteProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Ferry's own export file: the same JSON as {@code sites.json} (schema version {@link SiteJson#VERSION}), so an
 * export, a backup or a copied {@code sites.json} can all be imported. Passwords are included only when asked for,
 * then in plain text in a "password" field of each site; such a file is made readable by its owner only where the
 * file system allows.
 */
public final class SiteExchange {

    /** What an export file holds; {@code passwords} by the ids in {@code sites}, empty when exported without. */
    public record Contents(List<SiteProfile> sites, List<List<String>> folders, Map<String, String> passwords) {
    }

    private SiteExchange() {
    }

    /** Writes the file atomically (temporary file, fsync, rename). */
    public static void write(Path file, Contents contents) throws IOException {
        byte[] bytes = SiteJson.write(contents.sites(), contents.folders(), contents.passwords())
                .getBytes(StandardCharsets.UTF_8);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.replace(file, bytes);
        if (!contents.passwords().isEmpty()) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the user's profile directory is private already.
            }
        }
    }

    /** Reads an export (or a {@code sites.json}); a file that is not one fails with a one-line reason. */
    public static Contents read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not a Ferry site file (not UTF-8 text)");
        }
        try {
            SiteJson.Document doc = SiteJson.read(text);
            return new Contents(doc.sites(), doc.folders(), doc.passwords());
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new IOException(file + " is not a readable Ferry site file: " + why);
        }
    }
}
