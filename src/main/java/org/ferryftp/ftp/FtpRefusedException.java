package org.ferryftp.ftp;

/** The server answered a command with a negative reply (4yz or 5yz). The connection itself is fine. */
public class FtpRefusedException extends FtpException {

    private final String command;
    private final FtpReply reply;

    public FtpRefusedException(String command, FtpReply reply) {
        super("server refused " + command + ": " + reply.oneLine());
        this.command = command;
        this.reply = reply;
    }

    public FtpRefusedException(String message, String command, FtpReply reply) {
        super(message);
        this.command = command;
        this.reply = reply;
    }

    /** The command as the user would recognise it, e.g. {@code STRU R}; passwords are never included. */
    public String command() {
        return command;
    }

    public FtpReply reply() {
        return reply;
    }

    /** 4yz replies are transient per RFC 959: the same command may work later. */
    public boolean isTransient() {
        return reply.code() >= 400 && reply.code() < 500;
    }

    @Override
    public boolean isConnectionBroken() {
        return endsConnection(reply);
    }

    /**
     * 421 means the server is closing the control connection; vsftpd's "500 OOPS: ..." means its session
     * process has failed and the connection closes next (src/docs/servers.md).
     */
    static boolean endsConnection(FtpReply reply) {
        return reply.code() == 421 || (reply.code() == 500 && reply.oneLine().startsWith("500 OOPS:"));
    }
}
