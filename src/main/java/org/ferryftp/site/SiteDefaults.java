package org.ferryftp.site;

import org.ferryftp.transfer.QueueSettings;

import java.time.Duration;

/**
 * What a new site starts with. {@link #from(Preferences)} takes what the user's preferences say
 * (connections, keep-alive, relay); everything else is Ferry's built-in default.
 *
 * @param maxConnections connections a new site allows
 * @param keepAlive      NOOP interval of idle connections
 * @param relay          whether site-to-site copies may pass through Ferry
 */
public record SiteDefaults(int maxConnections, Duration keepAlive, FxpRelay relay) {

    public static final SiteDefaults BUILT_IN = new SiteDefaults(2, QueueSettings.DEFAULT.keepAlive(), FxpRelay.NEVER);

    /**
     * The defaults the preferences call for. The queue's relay policy maps onto the site's: never to
     * never, always to always, and "fallback" (relay only after FXP was refused) and ask to ask.
     */
    public static SiteDefaults from(Preferences prefs) {
        FxpRelay relay = switch (prefs.relay()) {
            case NEVER -> FxpRelay.NEVER;
            case FALLBACK, ASK -> FxpRelay.ASK;
            case ALWAYS -> FxpRelay.ALWAYS;
        };
        QueueSettings queue = prefs.queueSettings();
        return new SiteDefaults(Math.min(prefs.concurrency(), SiteProfile.MAX_CONNECTIONS), queue.keepAlive(), relay);
    }

    /** Sets this object's defaults on a builder. */
    public SiteProfileBuilder apply(SiteProfileBuilder b) {
        return b.maxConnections(maxConnections).keepAlive(keepAlive)
                .fxp(new FxpPreferences(FxpPassiveSide.AUTO, relay));
    }

    /** A new site with these defaults. */
    public SiteProfile newSite(String id, String name, String host) {
        return apply(SiteProfile.builder(id, name, host)).build();
    }
}
