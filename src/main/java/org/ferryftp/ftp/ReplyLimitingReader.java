package org.ferryftp.ftp;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Bounds what a server can make Ferry buffer on the control connection. Commons Net reads reply
 * lines without any limit, so a hostile or broken server could exhaust memory with one endless line
 * or an endless multi-line reply. This reader tracks reply boundaries (RFC 959 4.2: a multi-line
 * reply starts with "xyz-" and ends with a line starting "xyz ") and fails cleanly past the limits.
 * Because it knows where replies start, it also tells a {@link ReadGuard} before each read, so a
 * time limit can bound a whole reply rather than each read.
 */
final class ReplyLimitingReader extends FilterReader {

    static final int MAX_LINE_CHARS = 64 * 1024;
    static final int MAX_REPLY_CHARS = 4 * 1024 * 1024;

    private final int maxLine;
    private final int maxReply;
    private int lineLength;
    private int replyLength;
    private final char[] lineStart = new char[4];
    private String multiLineCode;
    private final ReadGuard guard;

    /** Called before every read of the underlying reader. */
    @FunctionalInterface
    interface ReadGuard {
        /** @param replyStart true when no part of the reply being read has arrived yet */
        void beforeRead(boolean replyStart) throws IOException;
    }

    ReplyLimitingReader(Reader in) {
        this(in, MAX_LINE_CHARS, MAX_REPLY_CHARS, replyStart -> { });
    }

    ReplyLimitingReader(Reader in, ReadGuard guard) {
        this(in, MAX_LINE_CHARS, MAX_REPLY_CHARS, guard);
    }

    ReplyLimitingReader(Reader in, int maxLine, int maxReply) {
        this(in, maxLine, maxReply, replyStart -> { });
    }

    ReplyLimitingReader(Reader in, int maxLine, int maxReply, ReadGuard guard) {
        super(in);
        this.maxLine = maxLine;
        this.maxReply = maxReply;
        this.guard = guard;
    }

    private boolean atReplyStart() {
        return lineLength == 0 && replyLength == 0 && multiLineCode == null;
    }

    @Override
    public int read() throws IOException {
        guard.beforeRead(atReplyStart());
        int c = super.read();
        if (c >= 0) {
            account((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        guard.beforeRead(atReplyStart());
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            account(buf[off + i]);
        }
        return n;
    }

    private void account(char c) throws IOException {
        if (c == '\n') {
            endOfLine();
            return;
        }
        if (lineLength < 4) {
            lineStart[lineLength] = c;
        }
        lineLength++;
        replyLength++;
        if (lineLength > maxLine) {
            throw new FtpProtocolException("the server sent a reply line longer than " + maxLine
                    + " characters; the connection was closed to protect Ferry");
        }
        if (replyLength > maxReply) {
            throw new FtpProtocolException("the server sent a reply longer than " + maxReply
                    + " characters; the connection was closed to protect Ferry");
        }
    }

    private void endOfLine() {
        boolean hasCode = lineLength >= 4 && Character.isDigit(lineStart[0]) && Character.isDigit(lineStart[1])
                && Character.isDigit(lineStart[2]);
        String code = hasCode ? new String(lineStart, 0, 3) : null;
        if (multiLineCode == null) {
            if (hasCode && lineStart[3] == '-') {
                multiLineCode = code;
            } else {
                replyLength = 0;
            }
        } else if (hasCode && lineStart[3] == ' ' && code.equals(multiLineCode)) {
            multiLineCode = null;
            replyLength = 0;
        }
        lineLength = 0;
    }
}
