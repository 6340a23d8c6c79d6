package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;

/** Opens connected, logged-in sessions for a site. */
@FunctionalInterface
public interface SessionFactory {

    RemoteSession open(SiteRef site) throws SessionException;
}
