package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives a transferred file its source's modification time on the target site, for uploads and server-to-server
 * copies alike, and remembers the sites found unable to. The session picks the way its server offers (FTP: MFMT,
 * MDTM with a time, SITE UTIME; SFTP: SETSTAT) and withdraws the ways that fail; a site left with none is named
 * once for the queue's lifetime (in the session's log, which the window's log pane shows, and in the application
 * log), not once per file.
 */
final class TimeNotices {

    private final Set<String> told = ConcurrentHashMap.newKeySet();

    /**
     * Sets {@code path}'s modification time to {@code time}; true when set. A refusal is not an error (the file is
     * complete and checked): the file keeps the server's time, and a site that cannot set times at all is named
     * the first time.
     */
    boolean keepTime(SiteRef site, RemoteSession session, String path, Instant time) {
        if (session.canSetModificationTimes()) {
            try {
                session.setModificationTime(path, time);
                return true;
            } catch (SessionException e) {
                // Refused for this file (or every way now withdrawn, which the check below tells).
            }
        }
        if (!session.canSetModificationTimes() && told.add(site.id())) {
            String line = site.name() + " cannot set modification times (no MFMT, MDTM with a time or SITE UTIME):"
                    + " files transferred there keep the server's time. Said once for this site.";
            session.note(line);
            org.slf4j.LoggerFactory.getLogger(TimeNotices.class).warn(line);
        }
        return false;
    }
}
