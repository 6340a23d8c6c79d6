package org.ferryftp.transfer;

/**
 * Asks whether a site-to-site copy that cannot go directly may pass through Ferry ({@link RelayPolicy#ASK}).
 * Called on a transfer worker, which waits for the answer.
 */
@FunctionalInterface
public interface RelayAsker {

    /** Nobody to ask (the command line, tests): no relay. */
    RelayAsker NEVER = (from, to, why) -> false;

    /**
     * @param from the source site's name
     * @param to   the target site's name
     * @param why  why the servers cannot copy directly
     * @return true to relay through Ferry
     */
    boolean mayRelay(String from, String to, String why) throws InterruptedException;
}
