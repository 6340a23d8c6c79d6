package org.ferryftp.ftp.repr;

import java.io.IOException;

/**
 * Upload side: splits decoded local text into lines at LF or CR LF, whatever the local separator, so
 * files edited on either platform upload the same way. A lone CR stays in the text (ASA reads it as an
 * overprint line end); a CR at the end of one write waits for the next write to see whether LF follows.
 */
final class LineSplitter implements CharLines {

    private static final char[] CR = {'\r'};

    private final CharLines out;
    private final LineCounter lines;
    private boolean pendingCr;

    LineSplitter(CharLines out, LineCounter lines) {
        this.out = out;
        this.lines = lines;
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        int end = off + len;
        int i = off;
        if (pendingCr) {
            pendingCr = false;
            if (c[off] == '\n') {
                endLine();
                i++;
            } else {
                out.write(CR, 0, 1);
            }
        }
        int start = i;
        for (; i < end; i++) {
            char ch = c[i];
            if (ch > '\r') {
                continue;
            }
            if (ch == '\n') {
                forward(c, start, i);
                endLine();
                start = i + 1;
            } else if (ch == '\r') {
                if (i + 1 == end) {
                    forward(c, start, i);
                    pendingCr = true;
                    start = end;
                } else if (c[i + 1] == '\n') {
                    forward(c, start, i);
                    endLine();
                    i++;
                    start = i + 1;
                }
            }
        }
        forward(c, start, end);
    }

    private void forward(char[] c, int from, int to) throws IOException {
        if (to > from) {
            out.write(c, from, to - from);
        }
    }

    /** Also reached from upstream line boundaries, though the head of an upload pipeline has none. */
    @Override
    public void endLine() throws IOException {
        if (pendingCr) {
            pendingCr = false;
            out.write(CR, 0, 1);
        }
        out.endLine();
        lines.next();
    }

    @Override
    public void finish() throws IOException {
        if (pendingCr) {
            pendingCr = false;
            out.write(CR, 0, 1);
        }
        out.finish();
    }
}
