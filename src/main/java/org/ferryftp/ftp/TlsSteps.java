package org.ferryftp.ftp;

/** The FTPS steps of a login (RFC 4217): AUTH TLS before it, PBSZ and PROT after it. */
final class TlsSteps {

    private final ControlChannel control;
    private final DataConnector connector;
    private final TlsContext tls;
    private final SessionSettings settings;
    private final ProtocolLogBridge log;

    TlsSteps(ControlChannel control, DataConnector connector, TlsContext tls, SessionSettings settings,
             ProtocolLogBridge log) {
        this.control = control;
        this.connector = connector;
        this.tls = tls;
        this.settings = settings;
        this.log = log;
    }

    /** AUTH TLS for explicit FTPS (RFC 4217 section 4); implicit FTPS is already encrypted. */
    void negotiate() throws FtpException {
        TlsPolicy.Mode mode = settings.tls().mode();
        if (mode != TlsPolicy.Mode.EXPLICIT && mode != TlsPolicy.Mode.IF_OFFERED) {
            return;
        }
        FtpReply auth = control.exchange("AUTH", "TLS");
        if (auth.code() == 234) {
            control.startTls();
            log.info("TLS established with " + settings.address());
        } else if (mode == TlsPolicy.Mode.IF_OFFERED && auth.isNegative()) {
            log.info("the server does not offer TLS (" + auth.oneLine() + "); continuing WITHOUT encryption");
        } else {
            throw new FtpRefusedException("the server refused TLS (AUTH TLS): " + auth.oneLine()
                    + "; choose plain FTP or 'TLS if offered' for this site only if you accept an unencrypted login",
                    "AUTH TLS", auth);
        }
    }

    /** PBSZ 0 and PROT P (or C when the site says so) once the control connection is secure. */
    void protectData() throws FtpException {
        if (!control.isSecure()) {
            return;
        }
        FtpReply pbsz = control.exchange("PBSZ", "0");
        if (!pbsz.isCompletion()) {
            throw new FtpRefusedException("PBSZ 0", pbsz);
        }
        boolean protect = settings.tls().protectData();
        FtpReply prot = control.exchange("PROT", protect ? "P" : "C");
        if (!prot.isCompletion()) {
            throw new FtpRefusedException("the server refused " + (protect
                    ? "to encrypt data connections (PROT P): " + prot.oneLine()
                    : "clear data connections (PROT C): " + prot.oneLine()), protect ? "PROT P" : "PROT C", prot);
        }
        connector.protectWith(protect ? tls : null);
    }
}
