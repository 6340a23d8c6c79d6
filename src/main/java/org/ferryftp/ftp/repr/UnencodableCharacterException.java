package org.ferryftp.ftp.repr;


/**
 * A character of the text has no code in the target charset: an EBCDIC code page when uploading, the
 * local charset when downloading. Ferry never substitutes characters silently, so the transfer stops here.
 */
public class UnencodableCharacterException extends ConversionException {

    private static final long serialVersionUID = 1L;

    private final int codePoint;
    private final int line;

    UnencodableCharacterException(int codePoint, int line, String message) {
        super(message);
        this.codePoint = codePoint;
        this.line = line;
    }

    /** The character that could not be encoded (an unpaired surrogate is reported as itself). */
    public int codePoint() {
        return codePoint;
    }

    /** 1-based line number of the character in the local file. */
    public int line() {
        return line;
    }

    /** "U+00E9 'é'" or just "U+0085" for characters that would not print. */
    static String describe(int codePoint) {
        String code = String.format("U+%04X", codePoint);
        boolean printable = Character.isDefined(codePoint) && !Character.isISOControl(codePoint)
                && !Character.isSurrogate((char) codePoint) && !Character.isWhitespace(codePoint);
        return printable ? code + " '" + new String(Character.toChars(codePoint)) + "'" : code;
    }
}
