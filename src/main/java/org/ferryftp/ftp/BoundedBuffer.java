package org.ferryftp.ftp;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/** A byte sink that refuses to grow past a limit, for data a server could make endless. */
final class BoundedBuffer extends OutputStream {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private final long max;
    private final String what;

    BoundedBuffer(long max, String what) {
        this.max = max;
        this.what = what;
    }

    @Override
    public void write(byte[] b, int off, int len) throws FtpProtocolException {
        if ((long) bytes.size() + len > max) {
            throw new FtpProtocolException("the server's " + what + " data exceeded " + (max >> 20)
                    + " MiB; Ferry stopped reading it");
        }
        bytes.write(b, off, len);
    }

    @Override
    public void write(int b) throws FtpProtocolException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    long size() {
        return bytes.size();
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
