package org.ferryftp.site;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;

import java.util.Optional;

/**
 * Quick-connect sites: not saved anywhere, so their ref id {@code quick:user@host:port} is all a later run has of
 * them (the queue journal keeps only ids). Quick connect offers plain FTP only, so host, port and user are the
 * whole endpoint; the password is never kept and is asked again ({@link SiteCatalog#connectable}).
 */
public final class QuickSites {

    static final String PREFIX = "quick:";

    private QuickSites() {
    }

    /** The ref for a quick connection with these settings; its id and name say user@host:port. */
    public static SiteRef ref(SessionSettings settings) {
        String label = settings.credentials().user() + "@" + settings.address();
        return new SiteRef(PREFIX + label, label, settings, 1);
    }

    /**
     * The site behind a quick-connect id from an earlier run, without its password (null: to be asked for);
     * empty for any other id, or one that does not parse.
     */
    public static Optional<SiteRef> fromId(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = id.substring(PREFIX.length());
        int at = rest.lastIndexOf('@');
        int colon = rest.lastIndexOf(':');
        if (at < 1 || colon < at + 2) {
            return Optional.empty();
        }
        String user = rest.substring(0, at);
        String host = rest.substring(at + 1, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(rest.substring(colon + 1));
            Credentials login = new Credentials(user, null, null);
            SiteRef ref = ref(SessionSettings.of(host, port, login.isAnonymous() ? Credentials.anonymous() : login));
            // Only an id this class would write comes back; anything else is not a quick site of ours.
            return ref.id().equals(id) ? Optional.of(ref) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the ref is a quick connection's. */
    static boolean isQuick(SiteRef ref) {
        return ref.id().startsWith(PREFIX);
    }

    /** A quick site restored from an id, whose password must be asked before connecting. */
    static boolean needsPassword(SiteRef ref) {
        if (!ref.id().startsWith(PREFIX) || ref.isSftp()) {
            return false; // quick sites of an earlier run are FTP ones; anything else has no FTP settings to look at
        }
        Credentials c = ref.settings().credentials();
        return c.password() == null && !c.isAnonymous();
    }

    /** The same quick site with the password the user typed. */
    static SiteRef withPassword(SiteRef ref, String password) {
        SessionSettings s = ref.settings();
        return ref(SessionSettings.of(s.host(), s.port(), Credentials.of(s.credentials().user(), password)));
    }

    /** A profile for the password prompt's question (name and user@host); never saved. */
    static SiteProfile askingProfile(SiteRef ref) {
        SessionSettings s = ref.settings();
        return SiteProfile.builder(ref.id(), ref.name(), s.host()).port(s.port()).user(s.credentials().user())
                .build();
    }
}
