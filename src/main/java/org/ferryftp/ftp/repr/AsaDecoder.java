package org.ferryftp.ftp.repr;

import java.io.IOException;

/**
 * Download side of format control C (ASA carriage control, RFC 959 3.1.1.5.2): the first character of each
 * wire line says how to advance the paper before printing it. Plain local text expresses that as:
 * <ul>
 *   <li>{@code ' '} the text as one line;</li>
 *   <li>{@code '0'} one empty line, then the text; {@code '-'} two empty lines, then the text;</li>
 *   <li>{@code '1'} a form feed right before the text (new page, no extra line);</li>
 *   <li>{@code '+'} overprint: the previous line ends with a lone CR instead of the line separator.</li>
 * </ul>
 * Any other control character is treated like {@code ' '}: printers differ on them, and keeping the text
 * loses nothing. An empty wire line has no control character and becomes an empty line.
 *
 * <p>Because {@code '+'} changes how the previous line ends, each line end is held until the next line's
 * control character (or the end of data) decides it. A last wire line without a line end gets no local
 * separator either, as in STRU F text without format control.
 */
final class AsaDecoder implements CharLines {

    private static final char[] CR = {'\r'};
    private static final char[] FORM_FEED = {'\f'};

    private final CharLines out;
    private boolean atLineStart = true;
    private boolean lineEndPending;

    AsaDecoder(CharLines out) {
        this.out = out;
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        if (atLineStart) {
            atLineStart = false;
            control(c[off]);
            off++;
            len--;
        }
        if (len > 0) {
            out.write(c, off, len);
        }
    }

    private void control(char control) throws IOException {
        endPreviousLine(control == '+');
        switch (control) {
            case '0' -> out.endLine();
            case '-' -> {
                out.endLine();
                out.endLine();
            }
            case '1' -> out.write(FORM_FEED, 0, 1);
            default -> {
                // ' ', '+' (handled above) and unknown controls: just the text
            }
        }
    }

    private void endPreviousLine(boolean overprint) throws IOException {
        if (lineEndPending) {
            lineEndPending = false;
            if (overprint) {
                out.write(CR, 0, 1);
            } else {
                out.endLine();
            }
        }
    }

    @Override
    public void endLine() throws IOException {
        if (atLineStart) {
            endPreviousLine(false); // empty wire line: an empty local line
        }
        atLineStart = true;
        lineEndPending = true;
    }

    @Override
    public void finish() throws IOException {
        endPreviousLine(false);
        out.finish();
    }
}
