package org.ferryftp.transfer;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.LocalPaths;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.UnsafeNameException;
import org.ferryftp.session.RemotePaths;
import org.ferryftp.session.RemoteTree;
import org.ferryftp.session.EntryKind;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands one directory item into its children, one level at a time. A tree of 100,000 files
 * therefore starts moving as soon as its first directory is listed, and no one waits for a full
 * walk. The target directory is created here, before any child runs.
 */
final class DirectoryExpander {

    private final SiteConnections connections;
    private final RunContext run;

    DirectoryExpander(SiteConnections connections, RunContext run) {
        this.connections = connections;
        this.run = run;
    }

    Outcome expand(TransferItem item) throws Exception {
        return switch (item.direction) {
            case DOWNLOAD -> expandRemote(item);
            case UPLOAD -> expandLocal(item);
            case SITE_TO_SITE, RELAY -> expandSiteToSite(item);
        };
    }

    private Outcome expandRemote(TransferItem item) throws Exception {
        ListingResult listing = connections.withSession(run, item.source.site(), s -> s.list(item.source.path()));
        Path targetDir = Path.of(item.target.path());
        Files.createDirectories(targetDir);
        List<Outcome.Child> children = new ArrayList<>();
        for (RemoteEntry e : listing.entries()) {
            Location source = new Location(item.source.site(), RemotePaths.join(item.source.path(), e.name()));
            Path local;
            try {
                local = LocalPaths.resolveChild(targetDir, e.name());
            } catch (UnsafeNameException unsafe) {
                children.add(Outcome.Child.failed(source, Location.local(targetDir.toString()), unsafe.getMessage()));
                continue;
            }
            boolean dir = e.kind() == EntryKind.DIRECTORY;
            children.add(Outcome.Child.queued(dir, source, Location.local(local.toString()), FileEntry.of(e)));
        }
        for (String line : listing.unparsed()) {
            Location source = new Location(item.source.site(), item.source.path());
            children.add(Outcome.Child.failed(source, item.target, "listing line not understood, not copied: " + line));
        }
        // createDirectories does not say whether it made the folder: it is not trusted to be empty.
        return new Outcome.Expanded(children, false);
    }

    private Outcome expandSiteToSite(TransferItem item) throws Exception {
        ListingResult listing = connections.withSession(run, item.source.site(), s -> s.list(item.source.path()));
        connections.withSession(run, item.target.site(), s -> {
            new RemoteTree(s).makeDirectories(item.target.path());
            return null;
        });
        List<Outcome.Child> children = new ArrayList<>();
        for (RemoteEntry e : listing.entries()) {
            Location source = new Location(item.source.site(), RemotePaths.join(item.source.path(), e.name()));
            Location target = new Location(item.target.site(), RemotePaths.join(item.target.path(), e.name()));
            if (!e.hasSafeName()) {
                children.add(Outcome.Child.failed(source, item.target,
                        "unsafe name from the server, not copied: " + e.name()));
                continue;
            }
            children.add(Outcome.Child.queued(e.kind() == EntryKind.DIRECTORY, source, target, FileEntry.of(e)));
        }
        for (String line : listing.unparsed()) {
            children.add(Outcome.Child.failed(item.source, item.target,
                    "listing line not understood, not copied: " + line));
        }
        // A copy's target directory, made or not, is not trusted to be empty.
        return new Outcome.Expanded(children, false);
    }

    private Outcome expandLocal(TransferItem item) throws Exception {
        Path dir = Path.of(item.source.path());
        // Sorted by name, each name made once (a comparator making names from paths made 10,000 files' sort
        // cost more than the listing).
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        boolean made = connections.withSession(run, item.target.site(),
                s -> new RemoteTree(s).makeDirectories(item.target.path()));
        List<Outcome.Child> children = new ArrayList<>();
        for (String name : names) {
            Path p = dir.resolve(name);
            Location target = new Location(item.target.site(), RemotePaths.join(item.target.path(), name));
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                children.add(Outcome.Child.failed(Location.local(p.toString()), target,
                        "cannot read: " + e.getMessage()));
                continue;
            }
            if (a.isSymbolicLink() && Files.isDirectory(p)) {
                // Following directory links could loop forever; the link itself is not an FTP object.
                children.add(Outcome.Child.skipped(Location.local(p.toString()), target,
                        "symbolic link to a directory"));
                continue;
            }
            boolean isDir = a.isDirectory();
            FileEntry facts = new FileEntry(name, isDir ? EntryKind.DIRECTORY : EntryKind.FILE,
                    isDir ? -1 : a.isSymbolicLink() ? Files.size(p) : a.size(), a.lastModifiedTime().toInstant(), "",
                    "", "", null);
            children.add(Outcome.Child.queued(isDir, Location.local(p.toString()), target, facts));
        }
        // The queue counts the children it trusts this to (after a restart some are in the queue already).
        return new Outcome.Expanded(children, made);
    }
}
