package org.ferryftp.session;

/** Receives a listing in batches while it arrives; the batches together are the whole listing, in order. */
@FunctionalInterface
public interface ListingSink {

    /** Takes one batch; returning false stops the listing (the transfer is aborted). */
    boolean accept(ListingResult batch);
}
