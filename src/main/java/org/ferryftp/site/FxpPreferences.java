package org.ferryftp.site;

import java.util.Objects;

/**
 * A site's preferences for server-to-server copies.
 *
 * @param passiveSide which server is sent PASV
 * @param relay       whether the copy may pass through Ferry instead
 */
public record FxpPreferences(FxpPassiveSide passiveSide, FxpRelay relay) {

    public static final FxpPreferences DEFAULT = new FxpPreferences(FxpPassiveSide.AUTO, FxpRelay.NEVER);

    public FxpPreferences {
        Objects.requireNonNull(passiveSide, "passiveSide");
        Objects.requireNonNull(relay, "relay");
    }
}
