package org.ferryftp.ftp.repr;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * Everything that decides how file bytes look on the data connection: TYPE (with format control or
 * byte size), STRU and MODE, plus the EBCDIC code page used for TYPE E.
 *
 * @param type        TYPE A, E, I or L
 * @param format      format control for A and E (ignored for I and L)
 * @param byteSize    logical byte size for TYPE L (ignored otherwise)
 * @param structure   STRU F, R or P
 * @param mode        MODE S or Z
 * @param ebcdicCodePage code page for TYPE E, IBM-1047 by default
 */
public record Representation(TransferType type, FormatControl format, int byteSize,
                             FileStructure structure, TransferMode mode, Charset ebcdicCodePage) {

    public static final Charset DEFAULT_EBCDIC = Charset.forName("IBM1047");

    /** TYPE I, STRU F, MODE S: bytes pass unchanged and transfers can resume. */
    public static final Representation BINARY = new Representation(TransferType.IMAGE,
            FormatControl.NON_PRINT, 8, FileStructure.FILE, TransferMode.STREAM, DEFAULT_EBCDIC);

    /** TYPE A N, STRU F, MODE S: text with CRLF line ends on the wire. */
    public static final Representation ASCII = BINARY.withType(TransferType.ASCII);

    public Representation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(ebcdicCodePage, "ebcdicCodePage");
        if (type == TransferType.LOCAL && (byteSize < 1 || byteSize > 255)) {
            throw new IllegalArgumentException("TYPE L byte size must be 1..255, was " + byteSize);
        }
        if (type != TransferType.LOCAL) {
            byteSize = 8;
        }
    }

    // Written out instead of the record's generated equals/hashCode: their first call bootstraps
    // java.lang.runtime.ObjectMethods, which spins ~20 method-handle classes (~40 ms of a CLI run).
    @Override
    public boolean equals(Object o) {
        return o instanceof Representation r && type == r.type && format == r.format
                && byteSize == r.byteSize && structure == r.structure && mode == r.mode
                && ebcdicCodePage.equals(r.ebcdicCodePage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, format, byteSize, structure, mode, ebcdicCodePage);
    }

    public Representation withType(TransferType t) {
        return new Representation(t, format, byteSize, structure, mode, ebcdicCodePage);
    }

    public Representation withLocalByteSize(int size) {
        return new Representation(TransferType.LOCAL, format, size, structure, mode, ebcdicCodePage);
    }

    public Representation withFormat(FormatControl f) {
        return new Representation(type, f, byteSize, structure, mode, ebcdicCodePage);
    }

    public Representation withStructure(FileStructure s) {
        return new Representation(type, format, byteSize, s, mode, ebcdicCodePage);
    }

    public Representation withMode(TransferMode m) {
        return new Representation(type, format, byteSize, structure, m, ebcdicCodePage);
    }

    public Representation withEbcdicCodePage(Charset cs) {
        return new Representation(type, format, byteSize, structure, mode, cs);
    }

    /** True for TYPE A and E, whose data is text lines. */
    public boolean isText() {
        return type == TransferType.ASCII || type == TransferType.EBCDIC;
    }

    /** True when bytes pass unchanged: TYPE I, or TYPE L 8. */
    public boolean isBinary() {
        return type == TransferType.IMAGE || (type == TransferType.LOCAL && byteSize == 8);
    }

    /** True when wire bytes equal local bytes, so nothing needs converting. */
    public boolean isPassThrough() {
        return (isBinary() || type == TransferType.LOCAL) && structure == FileStructure.FILE;
    }

    /** REST offsets only mean the same thing on both sides when bytes pass unchanged in stream mode. */
    public boolean allowsRestart() {
        return isBinary() && structure == FileStructure.FILE && mode == TransferMode.STREAM;
    }

    /** The argument of the TYPE command, for example {@code A N}, {@code E C}, {@code I} or {@code L 8}. */
    public String typeArgument() {
        return switch (type) {
            case ASCII, EBCDIC -> type.code() + " " + format.code();
            case IMAGE -> "I";
            case LOCAL -> "L " + byteSize;
        };
    }

    /** Short human form, e.g. "TYPE A C, STRU R, MODE S". */
    public String describe() {
        return "TYPE " + typeArgument() + ", STRU " + structure.code() + ", MODE " + mode.code();
    }
}
