package org.ferryftp.transfer.edit;

import org.ferryftp.session.RemoteFileStatus;

import java.util.Objects;

/** Whether the remote file is still what was opened, compared by size and modification time. */
public sealed interface ServerCheck {

    record Unchanged() implements ServerCheck {
    }

    /** Someone changed it on the server since it was opened; {@code now} is how it is. */
    record Changed(RemoteFileStatus.Present now) implements ServerCheck {
    }

    /** It was deleted or renamed on the server. */
    record Gone() implements ServerCheck {
    }

    /** The server cannot tell (no SIZE/MDTM/MLST); {@code why} in a clause. */
    record Unknowable(String why) implements ServerCheck {
    }

    /** Compares what the server said when the file was opened with what it says now. */
    static ServerCheck compare(RemoteFileStatus opened, RemoteFileStatus now) {
        if (now instanceof RemoteFileStatus.Absent) {
            return new Gone();
        }
        if (now instanceof RemoteFileStatus.Unknown u) {
            return new Unknowable(u.why());
        }
        RemoteFileStatus.Present n = (RemoteFileStatus.Present) now;
        if (!(opened instanceof RemoteFileStatus.Present o)) {
            return new Changed(n);
        }
        boolean sizeKnown = o.size() >= 0 && n.size() >= 0;
        boolean timeKnown = o.modified() != null && n.modified() != null;
        if (!sizeKnown && !timeKnown) {
            return new Unknowable("the server tells neither size nor time");
        }
        boolean sameSize = !sizeKnown || o.size() == n.size();
        boolean sameTime = !timeKnown || Objects.equals(o.modified(), n.modified());
        return sameSize && sameTime ? new Unchanged() : new Changed(n);
    }
}
