package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.RemoteSession;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sites found unable to set modification times. The user is told once per site for the queue's lifetime (in the
 * session's log, which the window's log pane shows, and in the application log), not once per file.
 */
final class TimeNotices {

    private final Set<String> told = ConcurrentHashMap.newKeySet();

    /** Says, the first time for this site, that its files keep the server's time. */
    void cannotSetTimes(SiteRef site, RemoteSession session) {
        if (told.add(site.id())) {
            String line = site.name() + " cannot set modification times (no MFMT, MDTM with a time or SITE UTIME):"
                    + " uploaded files keep the server's time. Said once for this site.";
            session.note(line);
            org.slf4j.LoggerFactory.getLogger(TimeNotices.class).warn(line);
        }
    }
}
