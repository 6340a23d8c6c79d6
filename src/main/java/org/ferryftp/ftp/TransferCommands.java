package org.ferryftp.ftp;

import org.ferryftp.session.TransferListener;

import org.ferryftp.ftp.repr.Representation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A session's file transfers (RETR, STOR, APPE): puts the server into the file's representation,
 * refuses a resume that representation cannot do, and hands the data to {@link DataTransfers}.
 * Used under the session's lock only.
 */
final class TransferCommands {

    private final SessionSettings settings;
    private final RepresentationNegotiator negotiator;
    private final DataTransfers transfers;

    TransferCommands(SessionSettings settings, RepresentationNegotiator negotiator, DataTransfers transfers) {
        this.settings = settings;
        this.negotiator = negotiator;
        this.transfers = transfers;
    }

    TransferResult retrieve(String path, OutputStream local, long restartAt, Features features,
                            TransferListener listener) throws FtpException {
        Representation r = prepare(path, restartAt, features);
        return transfers.retrieve(path, local, restartAt, r, features, listener);
    }

    TransferResult store(String path, InputStream local, long restartAt, Features features,
                         TransferListener listener) throws FtpException {
        Representation r = prepare(path, restartAt, features);
        skip(local, restartAt);
        return transfers.store(StoreCommand.STOR, path, local, restartAt, r, features, listener);
    }

    OutputStream openStore(String path, long restartAt, Features features) throws FtpException {
        return transfers.openStore(path, restartAt, prepare(path, restartAt, features), features);
    }

    TransferResult append(String path, InputStream local, Features features, TransferListener listener)
            throws FtpException {
        return transfers.store(StoreCommand.APPE, path, local, 0, prepare(path, 0, features), features, listener);
    }

    /** The file's representation (TYPE "auto" decides per name), negotiated on the wire. */
    private Representation prepare(String path, long restartAt, Features features) throws FtpException {
        Representation r = settings.representationFor(path);
        if (restartAt > 0 && !r.allowsRestart()) {
            throw new FtpSettingException("resuming needs TYPE I (or L 8), STRU F and MODE S; this site uses "
                    + r.describe() + ", so the transfer must start over");
        }
        negotiator.applyForTransfer(r, features);
        return r;
    }

    private static void skip(InputStream in, long n) throws FtpException {
        try {
            in.skipNBytes(n);
        } catch (IOException e) {
            throw new FtpSettingException("cannot resume: the local file is shorter than " + n + " bytes");
        }
    }
}
