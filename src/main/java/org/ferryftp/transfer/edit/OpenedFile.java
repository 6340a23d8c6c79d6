package org.ferryftp.transfer.edit;

import org.ferryftp.fs.Location;
import org.ferryftp.session.RemoteFileStatus;

import java.nio.file.Path;

/**
 * A remote file opened for viewing or editing.
 *
 * @param remote   where it is on its site
 * @param local    the private copy the user's application works on
 * @param onServer what the server said of it just after the download, for the changed-on-server check
 */
public record OpenedFile(Location remote, Path local, RemoteFileStatus onServer) {

    public String name() {
        return local.getFileName().toString();
    }
}
