package org.ferryftp.ftp.repr;


/** The local file being uploaded is not valid text in the charset it was declared to be in. */
public class MalformedLocalTextException extends ConversionException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final long byteOffset;

    MalformedLocalTextException(int line, long byteOffset, String message) {
        super(message);
        this.line = line;
        this.byteOffset = byteOffset;
    }

    /** 1-based line of the local file holding the bad bytes. */
    public int line() {
        return line;
    }

    /** 0-based offset of the first bad byte in the local file. */
    public long byteOffset() {
        return byteOffset;
    }
}
