package org.ferryftp.ftp;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Bounds what a server can make Ferry buffer on the control connection. Commons Net reads reply
 * lines without any limit, so a hostile or broken server could exhaust memory with one endless line
 * or an endless multi-line reply. This reader tracks reply boundaries (RFC 959 4.2: a multi-line
 * reply starts with "xyz-" and ends with a line starting "xyz ") and fails cleanly past the limits.
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

    ReplyLimitingReader(Reader in) {
        this(in, MAX_LINE_CHARS, MAX_REPLY_CHARS);
    }

    ReplyLimitingReader(Reader in, int maxLine, int maxReply) {
        super(in);
        this.maxLine = maxLine;
        this.maxReply = maxReply;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            account((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
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
