package org.ferryftp.transfer.sync;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.session.TimePrecision;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * How two trees are compared, for a mirror and for the directory comparison alike: by size and modification time,
 * where the times are compared at the coarser precision of the two sides (an FTP LIST gives minutes, or days for
 * old files), after moving the target's times by {@code targetOffset} (a server that lists in its own time zone),
 * and within {@code tolerance}.
 *
 * @param tolerance    times closer than this are the same
 * @param targetOffset added to the target's times before comparing (e.g. -1 h for a server one hour ahead)
 * @param newerOnly    never overwrite a target that is newer than its source
 * @param deleteExtra  delete what exists only at the target (and replace a file that became a directory)
 * @param include      globs of what to consider (all when empty)
 * @param exclude      globs of what to leave alone on both sides
 * @param checksum     files of the same size are compared by checksum where both sides offer one (a server's HASH,
 *                     XSHA, XMD5…; the local disk computes), else by time
 */
public record SyncRules(Duration tolerance, Duration targetOffset, boolean newerOnly, boolean deleteExtra,
                        List<String> include, List<String> exclude, boolean checksum) {

    public static final SyncRules DEFAULT = new SyncRules(Duration.ofSeconds(1), Duration.ZERO, false, false,
            List.of(), List.of(), false);

    public SyncRules {
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(targetOffset, "targetOffset");
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
    }

    public SyncRules withDelete(boolean v) {
        return new SyncRules(tolerance, targetOffset, newerOnly, v, include, exclude, checksum);
    }

    public SyncRules withNewerOnly(boolean v) {
        return new SyncRules(tolerance, targetOffset, v, deleteExtra, include, exclude, checksum);
    }

    public SyncRules withFilters(List<String> includes, List<String> excludes) {
        return new SyncRules(tolerance, targetOffset, newerOnly, deleteExtra, includes, excludes, checksum);
    }

    public SyncRules withTolerance(Duration v) {
        return new SyncRules(v, targetOffset, newerOnly, deleteExtra, include, exclude, checksum);
    }

    public SyncRules withChecksum(boolean v) {
        return new SyncRules(tolerance, targetOffset, newerOnly, deleteExtra, include, exclude, v);
    }

    public SyncRules withTargetOffset(Duration v) {
        return new SyncRules(tolerance, v, newerOnly, deleteExtra, include, exclude, checksum);
    }

    /** How a file at the source compares with the file of the same name at the target. */
    public enum Difference {
        SAME, SIZE_DIFFERS, SOURCE_NEWER, TARGET_NEWER
    }

    public Difference compare(FileEntry source, FileEntry target) {
        if (source.size() >= 0 && target.size() >= 0 && source.size() != target.size()) {
            return Difference.SIZE_DIFFERS;
        }
        if (source.modified() == null || target.modified() == null) {
            return Difference.SAME; // nothing more to tell them apart by
        }
        // A date-only target is the server's calendar day: the source moves onto the server's clock instead, so the
        // offset never pushes that date onto the day before.
        boolean targetDated = target.precision() == TimePrecision.DAY;
        Instant sourceTime = targetDated ? source.modified().minus(targetOffset) : source.modified();
        Instant targetTime = targetDated ? target.modified() : target.modified().plus(targetOffset);
        ChronoUnit unit = coarser(precision(source, sourceTime), precision(target, targetTime));
        Instant s = truncate(sourceTime, unit);
        Instant t = truncate(targetTime, unit);
        Duration gap = Duration.between(t, s);
        if (gap.abs().compareTo(unit == ChronoUnit.SECONDS ? tolerance : Duration.ZERO) <= 0) {
            return Difference.SAME;
        }
        return gap.isNegative() ? Difference.TARGET_NEWER : Difference.SOURCE_NEWER;
    }

    /** The coarser of what the listing declared ({@link TimePrecision}) and what the time itself shows. */
    private static ChronoUnit precision(FileEntry e, Instant t) {
        ChronoUnit declared = switch (e.precision()) {
            case DAY -> ChronoUnit.DAYS;
            case MINUTE -> ChronoUnit.MINUTES;
            default -> ChronoUnit.SECONDS;
        };
        return coarser(declared, precision(t));
    }

    /** A time's evident precision: whole days and whole minutes are what FTP listings give. */
    static ChronoUnit precision(Instant t) {
        if (t.getNano() != 0 || t.getEpochSecond() % 60 != 0) {
            return ChronoUnit.SECONDS;
        }
        return t.getEpochSecond() % 86_400 != 0 ? ChronoUnit.MINUTES : ChronoUnit.DAYS;
    }

    private static ChronoUnit coarser(ChronoUnit a, ChronoUnit b) {
        return a.getDuration().compareTo(b.getDuration()) >= 0 ? a : b;
    }

    private static Instant truncate(Instant t, ChronoUnit unit) {
        return t.truncatedTo(unit);
    }

    /** Whether includes or excludes are given, so that a directory may be copied only in part. */
    public boolean filters() {
        return !include.isEmpty() || !exclude.isEmpty();
    }

    /** Whether a path (relative, '/'-separated) takes part: included (or no includes given) and not excluded. */
    public boolean considers(String relativePath, boolean directory) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        if (matchesAny(exclude, relativePath, name)) {
            return false;
        }
        // Includes select files; directories are walked so that included files inside them are found.
        return include.isEmpty() || directory || matchesAny(include, relativePath, name);
    }

    private static boolean matchesAny(List<String> globs, String path, String name) {
        for (String glob : globs) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            // A glob with a slash is matched against the whole relative path, others against the name.
            if (m.matches(Path.of(glob.contains("/") ? path : name))) {
                return true;
            }
        }
        return false;
    }
}
