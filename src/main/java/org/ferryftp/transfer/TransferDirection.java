package org.ferryftp.transfer;

/**
 * Which way bytes travel. The queue, the conflict policy (remembered answers are per direction) and the
 * retry and speed bookkeeping all key on it.
 */
public enum TransferDirection {
    /** Site to local disk. */
    DOWNLOAD,
    /** Local disk to site. */
    UPLOAD,
    /** Site to site directly (FXP): the servers talk to each other, Ferry only steers. */
    SITE_TO_SITE,
    /** Site to site through Ferry: downloaded from one and uploaded to the other as it arrives. */
    RELAY
}
