package org.ferryftp.ftp;

/** Reads paths out of replies such as {@code 257 "/home/a ""quoted"" dir" is current directory}. */
final class PathReplies {

    private PathReplies() {
    }

    /** The RFC 959 quoted path of a 257 reply; an embedded quote is written twice. */
    static String quotedPath(FtpReply reply) throws FtpProtocolException {
        String text = reply.firstLineText();
        int start = text.indexOf('"');
        if (start < 0) {
            throw new FtpProtocolException("cannot read the directory in: " + reply.oneLine());
        }
        StringBuilder path = new StringBuilder();
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    path.append('"');
                    i++;
                } else {
                    return path.toString();
                }
            } else {
                path.append(c);
            }
        }
        throw new FtpProtocolException("the directory in this reply has no closing quote: " + reply.oneLine());
    }
}
