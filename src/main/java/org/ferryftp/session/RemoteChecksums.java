package org.ferryftp.session;

import java.util.Optional;

/**
 * A session feature: the server computes a checksum of a stored file (FTP's HASH, XSHA256/XSHA1, XMD5, XCRC), so a
 * transfer can be checked beyond its size.
 */
public interface RemoteChecksums {

    /** The server's checksum of {@code path} by the strongest method it offers; empty when it offers none. */
    Optional<RemoteChecksum> checksum(String path) throws SessionException;
}
