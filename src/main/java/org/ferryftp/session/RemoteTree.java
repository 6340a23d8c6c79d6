package org.ferryftp.session;

/** Operations on whole remote trees, built from single calls of any protocol: mkdir with parents, recursive delete. */
public final class RemoteTree {

    private final RemoteSession session;

    public RemoteTree(RemoteSession session) {
        this.session = session;
    }

    /**
     * Creates {@code path} and any missing parents; existing directories are fine. True when the server created
     * {@code path} itself just now (its MKD succeeded), so nothing was in it then.
     */
    public boolean makeDirectories(String path) throws SessionException {
        String normalized = RemotePaths.normalize(path);
        boolean made = false;
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
                made = true;
            } catch (SessionException refused) {
                if (refused.isConnectionBroken() || !isDirectory(dir)) {
                    throw refused;
                }
                made = false;
            }
        }
        return made;
    }

    /** Deletes a directory with everything in it. Entries with unsafe names stop the deletion. */
    public void removeRecursively(String path) throws SessionException {
        ListingResult listing = session.list(path);
        if (!listing.unparsed().isEmpty()) {
            throw new SessionException("not deleting " + path + ": " + listing.unparsed().size()
                    + " listing line(s) could not be understood, e.g. \"" + listing.unparsed().get(0) + "\"", false);
        }
        for (RemoteEntry e : listing.entries()) {
            if (!e.hasSafeName()) {
                throw new SessionException("not deleting " + path + ": the server listed an entry named \""
                        + e.name() + "\", which is not a plain name", false);
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

    /** True when {@code path} is an existing directory. */
    public boolean isDirectory(String path) throws SessionException {
        return session.isDirectory(path);
    }
}
