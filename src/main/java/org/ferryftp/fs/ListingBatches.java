package org.ferryftp.fs;

/** Receives a directory in batches while it is being listed; the batches together are the whole listing. */
@FunctionalInterface
public interface ListingBatches {

    /** Takes one batch; returning false stops the listing. */
    boolean accept(DirectoryListing batch);
}
