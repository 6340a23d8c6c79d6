package org.ferryftp.ftp;

import org.ferryftp.ftp.repr.FileStructure;
import org.ferryftp.ftp.repr.FormatControl;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferMode;
import org.ferryftp.ftp.repr.TransferType;

/**
 * Keeps TYPE, STRU and MODE on the server in step with what a transfer needs, sending each only when
 * it changes. A refusal (typically 504) is reported in plain words; Ferry never falls back to
 * something the user did not choose.
 */
final class RepresentationNegotiator {

    private final ControlChannel control;
    private String type;
    private String structure;
    private String mode;

    RepresentationNegotiator(ControlChannel control) {
        this.control = control;
    }

    /** Puts the server into the representation a file transfer needs. */
    void applyForTransfer(Representation r, Features features) throws FtpException {
        setType(r.typeArgument());
        setStructure(String.valueOf(r.structure().code()));
        setMode(r.mode(), features);
    }

    /**
     * Listings are text in TYPE A (or E on EBCDIC hosts), file structure; the transfer's own
     * representation is restored before the next file transfer.
     */
    void applyForListing(Representation r, Features features) throws FtpException {
        TransferType t = r.type() == TransferType.EBCDIC ? TransferType.EBCDIC : TransferType.ASCII;
        setType(r.withType(t).withFormat(FormatControl.NON_PRINT).typeArgument());
        setStructure(String.valueOf(FileStructure.FILE.code()));
        setMode(r.mode(), features);
    }

    /** The server forgets all three on a new connection. */
    void reset() {
        type = null;
        structure = null;
        mode = null;
    }

    private void setType(String arg) throws FtpException {
        if (arg.equals(type)) {
            return;
        }
        FtpReply reply = control.exchange("TYPE", arg);
        if (!reply.isCompletion()) {
            throw new FtpRefusedException("TYPE " + arg, reply);
        }
        type = arg;
    }

    private void setStructure(String arg) throws FtpException {
        if (arg.equals(structure)) {
            return;
        }
        // STRU F is the default; sending it where unknown would only risk a needless refusal.
        if (structure == null && arg.equals("F")) {
            structure = arg;
            return;
        }
        FtpReply reply = control.exchange("STRU", arg);
        if (!reply.isCompletion()) {
            throw new FtpRefusedException("STRU " + arg, reply);
        }
        structure = arg;
    }

    private void setMode(TransferMode m, Features features) throws FtpException {
        String arg = String.valueOf(m.code());
        if (arg.equals(mode)) {
            return;
        }
        if (mode == null && m == TransferMode.STREAM) {
            mode = arg;
            return;
        }
        if (m == TransferMode.DEFLATE && !features.has("MODE", "Z")) {
            throw new FtpSettingException("the server does not offer MODE Z (it is not listed in FEAT); "
                    + "choose MODE S for this site");
        }
        FtpReply reply = control.exchange("MODE", arg);
        if (!reply.isCompletion()) {
            throw new FtpRefusedException("MODE " + arg, reply);
        }
        mode = arg;
    }
}
