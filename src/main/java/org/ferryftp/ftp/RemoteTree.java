package org.ferryftp.ftp;

import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;

/** Operations on whole remote trees, built from single commands: MKD with parents, recursive RMD. */
public final class RemoteTree {

    private final FtpSession session;

    public RemoteTree(FtpSession session) {
        this.session = session;
    }

    /** Creates {@code path} and any missing parents; existing directories are fine. */
    public void makeDirectories(String path) throws FtpException {
        String normalized = RemotePaths.normalize(path);
        StringBuilder prefix = new StringBuilder(normalized.startsWith("/") ? "/" : "");
        for (String part : normalized.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (prefix.length() > 0 && prefix.charAt(prefix.length() - 1) != '/') {
                prefix.append('/');
            }
            prefix.append(part);
            String dir = prefix.toString();
            try {
                session.makeDirectory(dir);
            } catch (FtpRefusedException refused) {
                if (!isDirectory(dir)) {
                    throw refused;
                }
            }
        }
    }

    /** Deletes a directory with everything in it. Entries with unsafe names stop the deletion. */
    public void removeRecursively(String path) throws FtpException {
        ListingResult listing = session.list(path);
        if (!listing.unparsed().isEmpty()) {
            throw new FtpProtocolException("not deleting " + path + ": " + listing.unparsed().size()
                    + " listing line(s) could not be understood, e.g. \"" + listing.unparsed().get(0) + "\"");
        }
        for (RemoteEntry e : listing.entries()) {
            if (!e.hasSafeName()) {
                throw new FtpProtocolException("not deleting " + path + ": the server listed an entry named \""
                        + e.name() + "\", which is not a plain name");
            }
            String child = RemotePaths.join(path, e.name());
            if (e.isDirectory()) {
                removeRecursively(child);
            } else {
                session.delete(child);
            }
        }
        session.removeDirectory(path);
    }

    /** True when {@code path} is an existing directory (MLST, or CWD there and back). */
    public boolean isDirectory(String path) throws FtpException {
        try {
            session.requireDirectory(path);
            return true;
        } catch (NoSuchDirectoryException e) {
            return false;
        }
    }
}
