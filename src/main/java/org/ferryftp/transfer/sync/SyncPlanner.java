package org.ferryftp.transfer.sync;

import org.ferryftp.fs.DirectoryListing;
import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.FileEntry;
import org.ferryftp.ftp.NoSuchDirectoryException;
import org.ferryftp.session.EntryKind;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works out what makes a target tree match a source tree, one directory pair at a time: only the two listings of
 * the directory in hand are held, and each step goes to the sink as soon as it is known, so a tree of any size
 * plans in the memory of its largest directory. Either side may be local or remote.
 */
public final class SyncPlanner {

    /** Receives the plan while it is made. */
    public interface Sink {
        void step(SyncStep step);

        /** A directory pair is about to be listed ({@code relativeDir} is "" for the roots). */
        default void listing(String relativeDir) {
        }

        /** A directory pair was listed: how many entries each side has there (0 for a side that lacks it). */
        default void listed(String relativeDir, int sourceEntries, int targetEntries) {
        }

        /** Something the user should know about the whole plan, once (e.g. no checksum to compare by). */
        default void note(String line) {
        }
    }

    private final SyncRules rules;

    public SyncPlanner(SyncRules rules) {
        this.rules = rules;
    }

    /**
     * Plans {@code sourceRoot} onto {@code targetRoot}. A missing target root is planned as empty (everything is
     * copied); a missing source root is an error.
     */
    public void plan(FileBrowser source, String sourceRoot, FileBrowser target, String targetRoot, Sink sink)
            throws IOException {
        checksums = rules.checksum() ? new ChecksumComparison(sink::note) : null;
        walk(source, sourceRoot, target, targetRoot, "", true, sink);
    }

    /** For one plan at a time: null unless comparing by checksum. */
    private ChecksumComparison checksums;

    /** @param targetExists false inside a directory the target lacks: nothing to list there */
    private void walk(FileBrowser source, String sourceDir, FileBrowser target, String targetDir, String relative,
                      boolean targetExists, Sink sink) throws IOException {
        sink.listing(relative);
        DirectoryListing from = source.list(sourceDir);
        for (String line : from.unparsed()) {
            sink.step(new SyncStep(SyncStep.Action.SKIP, join(relative, line.strip()), false,
                    "a listing line Ferry could not read: " + line.strip()));
        }
        Map<String, FileEntry> there = targetExists ? byName(listOrEmpty(target, targetDir)) : Map.of();
        Map<String, FileEntry> here = byName(from);
        sink.listed(relative, here.size(), there.size());

        for (FileEntry s : here.values()) {
            String path = join(relative, s.name());
            if (!rules.considers(path, s.isDirectory())) {
                continue;
            }
            FileEntry t = there.get(s.name());
            if (s.kind() != EntryKind.FILE && s.kind() != EntryKind.DIRECTORY) {
                sink.step(new SyncStep(SyncStep.Action.SKIP, path, false, "not a plain file or directory ("
                        + s.kind().name().toLowerCase(java.util.Locale.ROOT) + ")"));
            } else if (t == null && s.isDirectory() && rules.filters()) {
                // Filters may leave out part of it: its files are planned one by one.
                sink.step(new SyncStep(SyncStep.Action.MKDIR, path, true, "missing at the target"));
                walk(source, source.join(sourceDir, s.name()), target, target.join(targetDir, s.name()), path, false,
                        sink);
            } else if (t == null) {
                sink.step(new SyncStep(SyncStep.Action.COPY, path, s.isDirectory(), "missing at the target", s));
            } else if (s.isDirectory() && t.isDirectory()) {
                walk(source, source.join(sourceDir, s.name()), target, target.join(targetDir, s.name()), path, true,
                        sink);
            } else if (s.isDirectory() != t.isDirectory()) {
                String was = t.isDirectory() ? "a directory" : "a file";
                sink.step(rules.deleteExtra()
                        ? new SyncStep(SyncStep.Action.REPLACE, path, s.isDirectory(), "the target is " + was, s)
                        : new SyncStep(SyncStep.Action.SKIP, path, s.isDirectory(), "the target is " + was
                        + "; --delete replaces it"));
            } else {
                sink.step(fileStep(path, s, t, source, source.join(sourceDir, s.name()), target,
                        target.join(targetDir, s.name())));
            }
        }
        if (!rules.deleteExtra()) {
            return;
        }
        for (FileEntry t : there.values()) {
            String path = join(relative, t.name());
            if (!here.containsKey(t.name()) && rules.considers(path, t.isDirectory())) {
                sink.step(new SyncStep(SyncStep.Action.DELETE, path, t.isDirectory(), "only at the target"));
            }
        }
    }

    private SyncStep fileStep(String path, FileEntry s, FileEntry t, FileBrowser source, String sourcePath,
                              FileBrowser target, String targetPath) throws IOException {
        SyncRules.Difference d = rules.compare(s, t);
        if (checksums != null && d != SyncRules.Difference.SIZE_DIFFERS) {
            ChecksumComparison.Verdict v = checksums.compare(source, sourcePath, target, targetPath);
            if (v != null) {
                if (v.same()) {
                    return new SyncStep(SyncStep.Action.SKIP, path, false, "same " + v.algorithm());
                }
                return rules.newerOnly() && d == SyncRules.Difference.TARGET_NEWER
                        ? new SyncStep(SyncStep.Action.SKIP, path, false, "the target is newer")
                        : new SyncStep(SyncStep.Action.UPDATE, path, false, v.algorithm() + " differs", s);
            }
        }
        return switch (d) {
            case SAME -> new SyncStep(SyncStep.Action.SKIP, path, false, "unchanged");
            case SIZE_DIFFERS -> rules.newerOnly() && rules.compare(withSize(s, t), t) == SyncRules.Difference.TARGET_NEWER
                    ? new SyncStep(SyncStep.Action.SKIP, path, false, "the target is newer")
                    : new SyncStep(SyncStep.Action.UPDATE, path, false, "size differs: " + t.size() + " → " + s.size()
                    + " bytes", s);
            case SOURCE_NEWER -> new SyncStep(SyncStep.Action.UPDATE, path, false, "the source is newer", s);
            case TARGET_NEWER -> rules.newerOnly()
                    ? new SyncStep(SyncStep.Action.SKIP, path, false, "the target is newer")
                    : new SyncStep(SyncStep.Action.UPDATE, path, false, "the target is newer; --newer-only keeps it", s);
        };
    }

    /** {@code s} with {@code t}'s size, to ask only whether the times differ. */
    static FileEntry withSize(FileEntry s, FileEntry t) {
        return new FileEntry(s.name(), s.kind(), t.size(), s.modified(), s.permissions(), s.owner(), s.group(),
                s.linkTarget());
    }

    static DirectoryListing listOrEmpty(FileBrowser browser, String dir) throws IOException {
        try {
            return browser.list(dir);
        } catch (NoSuchDirectoryException | NoSuchFileException missing) {
            return new DirectoryListing(dir, List.of(), List.of());
        } catch (org.ferryftp.sftp.SftpRefusedException refused) {
            if (!refused.isNoSuchFile()) {
                throw refused;
            }
            return new DirectoryListing(dir, List.of(), List.of()); // SFTP's way of saying the same
        }
    }

    /** Sorted by name, so that plans come out in the same order on every run and every side. */
    static Map<String, FileEntry> byName(DirectoryListing listing) {
        return listing.entries().stream().sorted(Comparator.comparing(FileEntry::name))
                .collect(Collectors.toMap(FileEntry::name, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    static String join(String relative, String name) {
        return relative.isEmpty() ? name : relative + "/" + name;
    }
}
