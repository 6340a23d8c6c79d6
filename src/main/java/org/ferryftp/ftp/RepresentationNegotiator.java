package org.ferryftp.ftp;

import org.ferryftp.ftp.repr.FileStructure;
import org.ferryftp.ftp.repr.FormatControl;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferMode;
import org.ferryftp.ftp.repr.TransferType;

import java.util.ArrayList;
import java.util.List;

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
        apply(pendingForTransfer(r, features));
    }

    /**
     * The TYPE, STRU and MODE commands {@link #applyForTransfer} would send now (those that change), as verb and
     * argument, to go out in one write with others; each reply goes to {@link #accept}, in order.
     */
    List<String[]> pendingForTransfer(Representation r, Features features) throws FtpException {
        return pending(r.typeArgument(), String.valueOf(r.structure().code()), r.mode(), features);
    }

    /**
     * Listings are text in TYPE A (or E on EBCDIC hosts), file structure; the transfer's own
     * representation is restored before the next file transfer.
     */
    void applyForListing(Representation r, Features features) throws FtpException {
        TransferType t = r.type() == TransferType.EBCDIC ? TransferType.EBCDIC : TransferType.ASCII;
        apply(pending(r.withType(t).withFormat(FormatControl.NON_PRINT).typeArgument(),
                String.valueOf(FileStructure.FILE.code()), r.mode(), features));
    }

    /** The server forgets all three on a new connection. */
    void reset() {
        type = null;
        structure = null;
        mode = null;
    }

    /** Takes the reply to a command of {@link #pendingForTransfer}: the server is in that state now, or refused. */
    void accept(String verb, String arg, FtpReply reply) throws FtpRefusedException {
        if (!reply.isCompletion()) {
            throw new FtpRefusedException(verb + " " + arg, reply);
        }
        switch (verb) {
            case "TYPE" -> type = arg;
            case "STRU" -> structure = arg;
            default -> mode = arg;
        }
    }

    private void apply(List<String[]> commands) throws FtpException {
        for (String[] c : commands) {
            accept(c[0], c[1], control.exchange(c[0], c[1]));
        }
    }

    private List<String[]> pending(String typeArg, String structureArg, TransferMode m, Features features)
            throws FtpException {
        List<String[]> commands = new ArrayList<>(3);
        if (!typeArg.equals(type)) {
            commands.add(new String[] {"TYPE", typeArg});
        }
        // STRU F and MODE S are the defaults; sending them where unknown would only risk a needless refusal.
        if (structure == null && structureArg.equals("F")) {
            structure = structureArg;
        } else if (!structureArg.equals(structure)) {
            commands.add(new String[] {"STRU", structureArg});
        }
        String modeArg = String.valueOf(m.code());
        if (mode == null && m == TransferMode.STREAM) {
            mode = modeArg;
        } else if (!modeArg.equals(mode)) {
            if (m == TransferMode.DEFLATE && !features.has("MODE", "Z")) {
                throw new FtpSettingException("the server does not offer MODE Z (it is not listed in FEAT); "
                        + "choose MODE S for this site");
            }
            commands.add(new String[] {"MODE", modeArg});
        }
        return commands;
    }
}
