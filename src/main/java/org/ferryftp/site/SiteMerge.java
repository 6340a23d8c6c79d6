package org.ferryftp.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Adds imported sites to the saved ones without ever replacing a saved site: an imported site whose id is already
 * taken gets a new id, and one whose name is taken in its folder is renamed "Name 2", "Name 3"… (ignoring case, as
 * the site manager does for new sites).
 */
public final class SiteMerge {

    /**
     * One imported site as it was added.
     *
     * @param originalId   its id in the imported file (passwords there are keyed by it)
     * @param originalPath its folder path and name in the imported file
     * @param added        the site as saved now
     */
    public record Added(String originalId, String originalPath, SiteProfile added) {
        public boolean renamed() {
            return !originalPath.equals(added.path());
        }
    }

    /** @param all the saved sites followed by the imported ones; {@code added} the imported ones as saved */
    public record Result(List<SiteProfile> all, List<Added> added) {
    }

    private final Supplier<String> ids;

    /** @param ids makes new site ids (a random UUID in the app) */
    public SiteMerge(Supplier<String> ids) {
        this.ids = ids;
    }

    public Result merge(List<SiteProfile> existing, List<SiteProfile> imported) {
        List<SiteProfile> all = new ArrayList<>(existing);
        Set<String> takenIds = new HashSet<>();
        existing.forEach(s -> takenIds.add(s.id()));
        List<Added> added = new ArrayList<>();
        for (SiteProfile s : imported) {
            String id = s.id();
            while (takenIds.contains(id)) {
                id = ids.get();
            }
            takenIds.add(id);
            SiteProfile fresh = s.toBuilder().id(id).name(uniqueName(s.name(), s.folder(), all)).build();
            all.add(fresh);
            added.add(new Added(s.id(), s.path(), fresh));
        }
        return new Result(List.copyOf(all), List.copyOf(added));
    }

    /** {@code base}, or "base 2", "base 3"… so that no site in {@code folder} has the name already. */
    public static String uniqueName(String base, List<String> folder, List<SiteProfile> sites) {
        String name = base;
        for (int n = 2; taken(name, folder, sites); n++) {
            name = base + " " + n;
        }
        return name;
    }

    private static boolean taken(String name, List<String> folder, List<SiteProfile> sites) {
        return sites.stream().anyMatch(s -> s.folder().equals(folder) && s.name().equalsIgnoreCase(name));
    }
}
