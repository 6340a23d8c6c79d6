package org.ferryftp.ftp;

/** A chosen setting cannot be honoured with this server or this transfer; nothing was sent for it. */
public class FtpSettingException extends FtpException {

    public FtpSettingException(String message) {
        super(message);
    }

    @Override
    public boolean isConnectionBroken() {
        return false;
    }
}
