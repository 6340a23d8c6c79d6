package org.ferryftp.site.store;

import org.ferryftp.fs.AtomicFiles;
import org.ferryftp.site.SiteProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Saved sites in {@code sites.json} in the config directory. Writes are atomic (temporary file,
 * fsync, rename) and keep the previous version as {@code sites.json.bak}. A file that cannot be
 * read is moved aside, never replaced with an empty list, and the user is told where it is.
 */
public final class SiteStore {

    /**
     * What loading found: the sites, the folders the user made (empty ones included), and a message
     * for the user when the file had to be set aside.
     */
    public record Loaded(List<SiteProfile> sites, List<List<String>> folders, Optional<String> problem) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;

    public SiteStore(Path configDir, Clock clock) {
        this.file = configDir.resolve("sites.json");
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(List.of(), List.of(), Optional.empty());
        }
        try {
            SiteJson.Document doc = SiteJson.read(Files.readString(file, StandardCharsets.UTF_8));
            return new Loaded(doc.sites(), doc.folders(), Optional.empty());
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            Path aside = file.resolveSibling("sites.json.unreadable-" + STAMP.format(clock.instant()));
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                return new Loaded(List.of(), List.of(), Optional.of("the saved sites in " + file + " could not be read (" + why
                        + ") and could not be moved aside; Ferry will not overwrite them"));
            }
            return new Loaded(List.of(), List.of(), Optional.of("the saved sites could not be read (" + why + "); the file was kept as "
                    + aside + (Files.exists(file.resolveSibling("sites.json.bak"))
                    ? " and the previous version is in sites.json.bak" : "")));
        }
    }

    public void save(List<SiteProfile> sites) throws IOException {
        save(sites, List.of());
    }

    /** Saves the sites and the folders (a folder holding sites need not be listed). */
    public void save(List<SiteProfile> sites, List<List<String>> folders) throws IOException {
        AtomicFiles.replace(file, SiteJson.write(sites, folders).getBytes(StandardCharsets.UTF_8));
    }
}
