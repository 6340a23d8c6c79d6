package org.ferryftp.ftp;

/**
 * A path that should be a directory is not one: it does not exist (the message quotes the server's reply, e.g.
 * {@code no such directory: /pub/x (550 Failed to change directory.)}) or it is a file.
 */
public final class NoSuchDirectoryException extends FtpRefusedException {

    private final boolean file;

    private NoSuchDirectoryException(String message, String command, FtpReply reply, boolean file) {
        super(message, command, reply);
        this.file = file;
    }

    static NoSuchDirectoryException missing(String path, String command, FtpReply reply) {
        return new NoSuchDirectoryException("no such directory: " + path + " (" + reply.oneLine() + ")", command,
                reply, false);
    }

    static NoSuchDirectoryException file(String path, String command, FtpReply reply) {
        return new NoSuchDirectoryException("not a directory: " + path + " (a file)", command, reply, true);
    }

    /** True when the path exists as a file. */
    public boolean isFile() {
        return file;
    }
}
