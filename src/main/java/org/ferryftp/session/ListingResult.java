package org.ferryftp.session;

import java.util.List;

/**
 * A parsed listing. Lines no parser understood are kept in {@link #unparsed()} so they can be shown
 * and reported instead of silently disappearing; lines recognised as headers or totals (e.g. {@code total 12},
 * VMS {@code Directory ...}, MVS column headers) are skipped on purpose and kept in {@link #skipped()}.
 */
public record ListingResult(List<RemoteEntry> entries, List<String> unparsed, List<String> skipped) {

    public ListingResult {
        entries = List.copyOf(entries);
        unparsed = List.copyOf(unparsed);
        skipped = List.copyOf(skipped);
    }

    public ListingResult(List<RemoteEntry> entries, List<String> unparsed) {
        this(entries, unparsed, List.of());
    }
}
