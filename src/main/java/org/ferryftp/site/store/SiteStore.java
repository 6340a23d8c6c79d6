package org.ferryftp.site.store;

import org.ferryftp.fs.AtomicFiles;
import org.ferryftp.fs.ConfigLock;
import org.ferryftp.site.SiteProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Saved sites in {@code sites.json} in the config directory. Every change is a read-modify-write under the file's
 * {@link ConfigLock}, so two Ferry processes (the window, {@code ferry sites import}) never lose each other's
 * sites: {@link #save} applies only what changed since this store last loaded or saved to the file as it is now
 * ({@link SiteChanges}), and {@link #update} changes the file as it is now. Writes are atomic (temporary file, fsync,
 * rename) and keep the previous version as {@code sites.json.bak}. A file that cannot be read is kept aside with a
 * timestamp, never replaced with an empty list, and the user is told where it is.
 */
public final class SiteStore {

    /**
     * What loading found: the sites, the folders the user made (empty ones included), and a message
     * for the user when the file had to be set aside.
     */
    public record Loaded(List<SiteProfile> sites, List<List<String>> folders, Optional<String> problem) {
    }

    /** The sites and the folders the user made, as the file holds them. */
    public record Contents(List<SiteProfile> sites, List<List<String>> folders) {

        public Contents {
            sites = List.copyOf(sites);
            folders = folders.stream().map(List::copyOf).toList();
        }

        static final Contents EMPTY = new Contents(List.of(), List.of());
    }

    /** What a change made of the contents: what to write, and what its caller wants to know. */
    public record Changed<R>(Contents contents, R result) {
    }

    /** A change to the sites as the file holds them now. */
    @FunctionalInterface
    public interface Change<R> {
        Changed<R> apply(Contents now) throws IOException;
    }

    private final Path file;
    private final Clock clock;
    /** What this store last loaded or saved: the base {@link #save} compares the caller's sites with. */
    private Contents known = Contents.EMPTY;

    /** @param clock stamps the name an unreadable file is kept aside under */
    public SiteStore(Path configDir, Clock clock) {
        this.file = configDir.resolve("sites.json");
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    public synchronized Loaded load() {
        if (!Files.exists(file)) {
            known = Contents.EMPTY;
            return new Loaded(List.of(), List.of(), Optional.empty());
        }
        try (ConfigLock.Held held = ConfigLock.acquire(file)) {
            Loaded loaded = readLocked();
            known = contents(loaded);
            return loaded;
        } catch (IOException e) {
            return new Loaded(List.of(), List.of(), Optional.of("the saved sites in " + file + " could not be read ("
                    + e.getMessage() + "); Ferry will not overwrite them"));
        }
    }

    public Optional<String> save(List<SiteProfile> sites) throws IOException {
        return save(sites, List.of());
    }

    /**
     * Saves the sites and the folders (a folder holding sites need not be listed): what differs from what this
     * store last loaded or saved is applied to the file as it is now, so sites another process added, changed or
     * deleted meanwhile stay as that process left them.
     *
     * @return for the user, when the file had become unreadable: where it was kept (this store's sites were saved)
     */
    public synchronized Optional<String> save(List<SiteProfile> sites, List<List<String>> folders) throws IOException {
        Contents mine = new Contents(sites, folders);
        Contents base = known;
        // A file that could not be read was kept aside: what this store knew is then the best "now".
        Optional<String> problem = write(now -> new Changed<>(
                SiteChanges.apply(base, mine, now.problem().isPresent() ? base : contents(now)), now.problem())).result();
        known = mine;
        return problem;
    }

    /**
     * Changes the sites as the file holds them now and saves the result, all under the file's lock.
     *
     * @throws IOException when the file cannot be read (it was kept aside; the message says where) or written
     */
    public synchronized <R> R update(Change<R> change) throws IOException {
        Changed<R> changed = write(now -> {
            if (now.problem().isPresent()) {
                throw new IOException(now.problem().get());
            }
            return change.apply(contents(now));
        });
        known = changed.contents();
        return changed.result();
    }

    private static Contents contents(Loaded loaded) {
        return new Contents(loaded.sites(), loaded.folders());
    }

    /** Under the lock: reads the file, changes what it holds, writes the result; a file kept in place is never written. */
    private <R> Changed<R> write(ReadChange<R> change) throws IOException {
        try (ConfigLock.Held held = ConfigLock.acquire(file)) {
            Loaded now = Files.exists(file) ? readLocked() : new Loaded(List.of(), List.of(), Optional.empty());
            if (now.problem().isPresent() && Files.exists(file)) {
                throw new IOException(now.problem().get()); // unreadable and could not be kept aside
            }
            Changed<R> changed = change.apply(now);
            AtomicFiles.replace(file, SiteJson.write(changed.contents().sites(), changed.contents().folders())
                    .getBytes(StandardCharsets.UTF_8));
            return changed;
        }
    }

    @FunctionalInterface
    private interface ReadChange<R> {
        /** @param now what the file holds now; with a problem when it could not be read (and was kept aside) */
        Changed<R> apply(Loaded now) throws IOException;
    }

    /** Reads the file; one that cannot be read is kept aside and removed, so it is reported once and never lost. */
    private Loaded readLocked() {
        try {
            SiteJson.Document doc = SiteJson.read(SiteExchange.text(file));
            return new Loaded(doc.sites(), doc.folders(), Optional.empty());
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            Path aside;
            try {
                aside = ConfigLock.keepAside(file, clock);
                Files.delete(file);
            } catch (IOException moveFailed) {
                return new Loaded(List.of(), List.of(), Optional.of("the saved sites in " + file + " could not be read (" + why
                        + ") and could not be kept aside; Ferry will not overwrite them"));
            }
            return new Loaded(List.of(), List.of(), Optional.of("the saved sites in " + file + " could not be read (" + why
                    + "); the file was kept as " + aside + (Files.exists(file.resolveSibling("sites.json.bak"))
                    ? " and the previous version is in sites.json.bak" : "")));
        }
    }
}
