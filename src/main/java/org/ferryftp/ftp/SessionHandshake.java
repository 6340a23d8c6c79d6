package org.ferryftp.ftp;

/**
 * Opens a session: TLS, FEAT, OPTS UTF8 and the login, in that order; keeps what the server says about
 * itself (FEAT, SYST). Its state changes under the session's lock only.
 */
final class SessionHandshake {

    private final SessionSettings settings;
    private final ControlChannel control;
    private final TlsSteps tlsSteps;
    private final RepresentationNegotiator negotiator;
    private final ProtocolLogBridge log;
    private final ServerExtensions extensions;
    private String system;

    SessionHandshake(SessionSettings settings, ControlChannel control, TlsSteps tlsSteps,
                     RepresentationNegotiator negotiator, ServerExtensions extensions, ProtocolLogBridge log) {
        this.settings = settings;
        this.extensions = extensions;
        this.control = control;
        this.tlsSteps = tlsSteps;
        this.negotiator = negotiator;
        this.log = log;
    }

    /** Connects, reads FEAT, announces UTF-8 when offered, and logs in; closes the connection on failure. */
    void connect() throws FtpException {
        log.info("connecting to " + settings.address());
        try {
            control.open();
        } catch (FtpException e) {
            // Else the log ends at "connecting to ..." and says nothing of why (refused, timed out, no such host).
            log.error(e.getMessage());
            throw e;
        }
        try {
            tlsSteps.negotiate();
            boolean featRefused = readFeatures();
            LoginSequence login = new LoginSequence(control);
            if (settings.charset().announcesUtf8() && features().has("UTF8")) {
                // USER goes in the same write: nothing it does depends on OPTS's reply (one round trip less).
                control.sendPipelined("OPTS", "UTF8 ON", "USER", settings.credentials().user());
                FtpReply opts = control.readReply("OPTS");
                // Not withdrawn on refusal: UTF8 in FEAT says names are UTF-8 (Pure-FTPd refuses OPTS UTF8 ON).
                if (!opts.isCompletion()) {
                    log.info("server advertised UTF8 but refused OPTS UTF8 ON; names stay UTF-8");
                }
                login.continueAfterUser(settings.credentials(), control.readReply("USER"));
            } else {
                login.login(settings.credentials());
            }
            tlsSteps.protectData();
            if (featRefused) {
                readFeatures();
            }
            negotiator.reset();
        } catch (FtpException e) {
            control.closeQuietly();
            throw e;
        }
    }

    private boolean readFeatures() throws FtpException {
        FtpReply feat = control.exchange("FEAT", null);
        // No FEAT (RFC 2389) means no extensions: RFC 959 alone, which every server has.
        extensions.advertised(feat.code() == 211 ? Features.parse(feat.lines()) : Features.NONE);
        if (feat.code() != 211 && feat.code() != 530) {
            log.info("no FEAT (" + feat.oneLine() + "): using RFC 959 commands only");
        }
        return feat.code() == 530;
    }

    /** FEAT's features, less those the server refused since. */
    Features features() {
        return extensions.available();
    }

    /** The SYST reply text, or null when the server refuses SYST; asked once per session. */
    String system() throws FtpException {
        if (system == null) {
            FtpReply r = control.exchange("SYST", null);
            system = r.code() == 215 ? r.firstLineText() : "";
        }
        return system.isEmpty() ? null : system;
    }
}
