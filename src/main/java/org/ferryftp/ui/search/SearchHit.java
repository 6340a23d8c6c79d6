package org.ferryftp.ui.search;

import org.ferryftp.session.TimePrecision;

import java.time.Instant;

/**
 * One entry a search found: its full path, whether it is a directory, its size (-1 unknown) and modification
 * time (null unknown, {@code precision} says how much of it the server gave).
 */
public record SearchHit(String path, String name, boolean directory, long size, Instant modified,
                        TimePrecision precision) {
}
