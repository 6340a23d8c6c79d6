package org.ferryftp.ftp.repr;

/**
 * Offset in the caller's stream of the first byte of the {@code write} call currently running. Framing
 * stages drop and reorder bytes (escapes, page headers, line ends), so a later stage cannot count offsets
 * itself; each byte stage reads the cursor on entry and sets it before handing a slice downstream. That
 * way a decoding error deep in the pipeline can still name the wire byte the user would look at.
 */
final class WireCursor {

    long offset;
}
