package org.ferryftp.session;

/**
 * A session feature: files travel in a chosen representation (FTP's TYPE, STRU and MODE), which may convert
 * text on the way. Sessions without it move bytes as they are ({@link TransferForm#BYTES}).
 */
public interface Representations {

    /** The form {@code path} is transferred in on this session. */
    TransferForm formFor(String path);
}
