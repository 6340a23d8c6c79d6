package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpSession;

/** Opens connected, logged-in sessions for a site. */
@FunctionalInterface
public interface SessionFactory {

    FtpSession open(SiteRef site) throws FtpException;
}
