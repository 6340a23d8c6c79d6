package org.ferryftp.transfer;

import java.util.Optional;
import java.util.function.Function;

/**
 * What site-to-site copies consult besides the queue's settings: each site's own wishes (which server
 * listens, whether the data may pass through Ferry) and whom to ask before relaying.
 *
 * @param asker       asks the user when the relay policy is {@link RelayPolicy#ASK}
 * @param preferences a site's preference by site id; empty for sites without one (the demo, quick connect)
 */
public record SiteToSite(RelayAsker asker, Function<String, Optional<Preference>> preferences) {

    /** No one to ask and no per-site preferences: the queue's relay setting and Ferry's default roles. */
    public static final SiteToSite DEFAULTS = new SiteToSite(RelayAsker.NEVER, id -> Optional.empty());

    /** Which server listens (PASV) in a copy. */
    public enum PassiveSide { AUTO, SOURCE, TARGET }

    /**
     * One site's preference.
     *
     * @param passiveSide which server gets PASV when this site is the source (AUTO: the target listens first)
     * @param relay       NEVER, ASK or ALWAYS for copies this site takes part in
     */
    public record Preference(PassiveSide passiveSide, RelayPolicy relay) {
    }

    public SiteToSite withAsker(RelayAsker a) {
        return new SiteToSite(a, preferences);
    }

    /**
     * The relay policy for a copy between two sites: the queue's when neither site has a preference,
     * otherwise the stricter of the two sites' (never, then ask, then fallback, then always).
     */
    RelayPolicy relayFor(String sourceId, String targetId, RelayPolicy queueDefault) {
        Optional<Preference> a = preferences.apply(sourceId);
        Optional<Preference> b = preferences.apply(targetId);
        if (a.isEmpty() && b.isEmpty()) {
            return queueDefault;
        }
        RelayPolicy ra = a.map(Preference::relay).orElse(RelayPolicy.ALWAYS);
        RelayPolicy rb = b.map(Preference::relay).orElse(RelayPolicy.ALWAYS);
        return strictness(ra) <= strictness(rb) ? ra : rb;
    }

    /** True when the first arrangement should have the target listen (PASV to the target). */
    boolean targetListensFirst(String sourceId, String targetId) {
        Optional<Preference> source = preferences.apply(sourceId);
        if (source.isPresent() && source.get().passiveSide() != PassiveSide.AUTO) {
            return source.get().passiveSide() == PassiveSide.TARGET;
        }
        return true; // Ferry's default: PASV to the target, PORT to the source
    }

    private static int strictness(RelayPolicy r) {
        return switch (r) {
            case NEVER -> 0;
            case ASK -> 1;
            case FALLBACK -> 2;
            case ALWAYS -> 3;
        };
    }
}
