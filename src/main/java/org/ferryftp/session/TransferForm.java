package org.ferryftp.session;

/**
 * How a file's bytes travel, as far as the queue must know: whether they pass unchanged (so stored and local
 * sizes and checksums compare), and whether a transfer can continue at an offset.
 *
 * @param binary      no conversion of line ends or characters
 * @param passThrough the stored bytes are the file's bytes (file structure, no record marks)
 * @param restartable a transfer can resume at a byte offset
 * @param description for messages, e.g. "binary (TYPE I)"
 */
public record TransferForm(boolean binary, boolean passThrough, boolean restartable, String description) {

    /** Bytes as they are, resumable at any offset: SFTP's only form, FTP's TYPE I. */
    public static final TransferForm BYTES = new TransferForm(true, true, true, "binary");

    /** Stored and local sizes are the same number only when bytes pass unchanged. */
    public boolean sameSizeOnBothSides() {
        return binary && passThrough;
    }

    /** The form {@code session} moves {@code path} in: its {@link Representations} where it has them, else bytes. */
    public static TransferForm of(RemoteSession session, String path) {
        return session.feature(Representations.class).map(r -> r.formFor(path)).orElse(BYTES);
    }
}
