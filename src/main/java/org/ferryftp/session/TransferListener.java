package org.ferryftp.session;

/**
 * Told how many bytes of the source (the wire for downloads, the local file for uploads) have been
 * moved so far. Called once per buffer on the transferring thread; throttle before touching a UI.
 */
@FunctionalInterface
public interface TransferListener {

    TransferListener NONE = bytes -> { };

    void transferred(long bytesSoFar);
}
