package org.ferryftp.ftp.repr;

import java.io.IOException;

/**
 * Upload side of format control C: the inverse of {@link AsaDecoder}, so that decoding what this writes
 * gives back the local text (for text that ends with a line separator). Each line gets a control
 * character:
 * <ul>
 *   <li>{@code '+'} if the previous line ended with a lone CR (overprint);</li>
 *   <li>{@code '1'} if the line starts with a form feed, which is dropped;</li>
 *   <li>{@code '0'} or {@code '-'} when one or two empty lines precede it (they are folded in; of three or
 *       more, the excess is sent first as {@code ' '} lines);</li>
 *   <li>{@code ' '} otherwise.</li>
 * </ul>
 * Empty lines before a {@code '+'} or {@code '1'} line, and at the end of the file, are sent as
 * {@code ' '} lines. Every wire line is ended (framing adds CR LF or NL), even a last line without one;
 * a lone CR at the very end of the file just ends the last line, as there is nothing to overprint.
 */
final class AsaEncoder implements CharLines {

    private static final char[] SPACE = {' '};

    private final CharLines out;
    private final char[] control = new char[1];
    private boolean lineStarted;
    private boolean afterOverprint;
    private int pendingEmpty;

    AsaEncoder(CharLines out) {
        this.out = out;
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (!lineStarted) {
                i = startLine(c[i], i);
                continue;
            }
            int cr = indexOfCr(c, i, end);
            if (cr < 0) {
                out.write(c, i, end - i);
                return;
            }
            if (cr > i) {
                out.write(c, i, cr - i);
            }
            out.endLine(); // a lone CR ends the line; the next one overprints it
            lineStarted = false;
            afterOverprint = true;
            i = cr + 1;
        }
    }

    /** Emits the control character for a line whose first char is {@code first}; returns where its text starts. */
    private int startLine(char first, int i) throws IOException {
        char ctl;
        if (afterOverprint) {
            blankLines(pendingEmpty);
            ctl = '+';
        } else if (first == '\f') {
            blankLines(pendingEmpty);
            ctl = '1';
            i++;
        } else {
            blankLines(pendingEmpty - 2);
            ctl = pendingEmpty >= 2 ? '-' : pendingEmpty == 1 ? '0' : ' ';
        }
        pendingEmpty = 0;
        afterOverprint = false;
        lineStarted = true;
        control[0] = ctl;
        out.write(control, 0, 1);
        return i;
    }

    private void blankLines(int n) throws IOException {
        for (int k = 0; k < n; k++) {
            out.write(SPACE, 0, 1);
            out.endLine();
        }
    }

    private static int indexOfCr(char[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (c[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void endLine() throws IOException {
        if (lineStarted) {
            out.endLine();
            lineStarted = false;
        } else if (afterOverprint) {
            control[0] = '+'; // an empty line printed over the previous one
            out.write(control, 0, 1);
            out.endLine();
        } else {
            pendingEmpty++;
        }
        afterOverprint = false;
    }

    @Override
    public void finish() throws IOException {
        if (lineStarted) {
            out.endLine();
        }
        blankLines(pendingEmpty);
        out.finish();
    }
}
