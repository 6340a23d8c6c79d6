package org.ferryftp.ftp.listing;

import java.util.List;

/**
 * A parsed listing. Lines no parser understood are kept in {@link #unparsed()} so they can be shown
 * and reported instead of silently disappearing.
 */
public record ListingResult(List<RemoteEntry> entries, List<String> unparsed) {

    public ListingResult {
        entries = List.copyOf(entries);
        unparsed = List.copyOf(unparsed);
    }
}
