package org.ferryftp.ftp;

/**
 * Outcome of a completed transfer.
 *
 * @param bytes      source bytes moved in this transfer (excluding a resumed prefix)
 * @param reply      the server's final 2yz reply
 * @param remoteName for STOU, the name the server chose (null if it did not say); else the path used
 */
public record TransferResult(long bytes, FtpReply reply, String remoteName) {
}
