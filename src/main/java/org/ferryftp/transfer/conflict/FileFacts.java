package org.ferryftp.transfer.conflict;

import java.time.Instant;

/**
 * What is known about one side of a conflict. Listings do not always carry sizes or times, so both may be
 * unknown: {@code size == -1}, {@code modified == null}.
 */
public record FileFacts(long size, Instant modified) {

    public static final FileFacts UNKNOWN = new FileFacts(-1, null);

    public FileFacts {
        if (size < -1) {
            throw new IllegalArgumentException("size must be -1 (unknown) or at least 0: " + size);
        }
    }

    public boolean sizeKnown() {
        return size >= 0;
    }

    public boolean modifiedKnown() {
        return modified != null;
    }
}
