package org.ferryftp.ftp;

/**
 * Outcome of a completed transfer.
 *
 * @param bytes      source bytes moved in this transfer (excluding a resumed prefix)
 * @param reply      the server's final 2yz reply
 * @param remoteName the path the file went to or came from
 */
public record TransferResult(long bytes, FtpReply reply, String remoteName) {
}
