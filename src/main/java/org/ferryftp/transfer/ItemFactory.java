package org.ferryftp.transfer;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.RemotePaths;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Turns requests into queue items: works out the direction and the target path, and remembers the
 * sites involved so the queue can apply their connection limits.
 */
final class ItemFactory {

    private final Map<String, SiteRef> sites = new ConcurrentHashMap<>();
    private final Supplier<SpeedMeter> meters;

    ItemFactory(Supplier<SpeedMeter> meters) {
        this.meters = meters;
    }

    TransferItem top(long id, TransferRequest r) {
        remember(r.source());
        remember(r.targetDirectory());
        String name = r.targetName() != null ? r.targetName()
                : r.source().isLocal() ? Path.of(r.source().path()).getFileName().toString()
                : RemotePaths.name(r.source().path());
        Location target = new Location(r.targetDirectory().site(), join(r.targetDirectory(), name));
        return new TransferItem(id, 0, r.directory(), direction(r.source(), target), r.source(), target,
                r.directory() ? null : r.sourceFacts(), r.priority(), meters, r.onConflict());
    }

    TransferItem child(long id, TransferItem parent, boolean directory, Location source, Location target,
                       FileEntry facts) {
        return new TransferItem(id, parent.id, directory, parent.direction, source, target, facts, parent.priority,
                meters);
    }

    /** An item as a journal saved it; running items come back queued. */
    TransferItem restored(ItemSnapshot s) {
        remember(s.source());
        remember(s.target());
        FileEntry facts = s.directory() || s.size() < 0 ? null
                : new FileEntry("", org.ferryftp.session.EntryKind.FILE, s.size(), null, "", "", "", null);
        TransferItem item = new TransferItem(s.id(), s.parentId(), s.directory(), s.direction(), s.source(), s.target(),
                facts, s.priority(), meters);
        item.state = s.state() instanceof ItemState.Running ? ItemState.QUEUED : s.state();
        item.runningWhenFerryStopped = s.state() instanceof ItemState.Running;
        item.bytesDone = s.bytesDone();
        item.ownTarget = s.ownTarget();
        return item;
    }

    int maxConnections(String siteId) {
        SiteRef site = sites.get(siteId);
        return site == null ? 1 : site.maxConnections();
    }

    SiteRef site(String siteId) {
        return sites.get(siteId);
    }

    private void remember(Location l) {
        if (!l.isLocal()) {
            sites.putIfAbsent(l.site().id(), l.site());
        }
    }

    static String join(Location dir, String name) {
        return dir.isLocal() ? Path.of(dir.path()).resolve(name).toString() : RemotePaths.join(dir.path(), name);
    }

    static TransferDirection direction(Location source, Location target) {
        if (source.isLocal() && target.isLocal()) {
            throw new IllegalArgumentException("local to local copies are not FTP transfers");
        }
        if (source.isLocal()) {
            return TransferDirection.UPLOAD;
        }
        if (target.isLocal()) {
            return TransferDirection.DOWNLOAD;
        }
        // SFTP has no server-to-server copy: a copy from or to an SFTP site always passes through Ferry.
        return source.site().isSftp() || target.site().isSftp() ? TransferDirection.RELAY
                : TransferDirection.SITE_TO_SITE;
    }
}
