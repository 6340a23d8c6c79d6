package org.ferryftp.ftp.repr;


/**
 * The server sent data that does not follow the negotiated representation (for example a broken STRU R
 * escape or a STRU P stream without its last page). The message is meant for the user and always names
 * the byte offset, counted from 0 at the first byte of the data connection (after MODE Z inflation).
 */
public class MalformedDataException extends ConversionException {

    private static final long serialVersionUID = 1L;

    private final long byteOffset;

    /**
     * @param problem    what is wrong, in plain words, without the offset
     * @param byteOffset offset of the offending wire byte
     * @param advice     what the user can do about it, or {@code null}
     */
    public MalformedDataException(String problem, long byteOffset, String advice) {
        super(problem + " at byte " + byteOffset + (advice == null ? "" : "; " + advice));
        this.byteOffset = byteOffset;
    }

    /** Offset of the offending byte on the data connection (0-based). */
    public long byteOffset() {
        return byteOffset;
    }
}
