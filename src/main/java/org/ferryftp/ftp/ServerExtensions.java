package org.ferryftp.ftp;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a session may use beyond RFC 959's minimum: what FEAT advertised, less what the server has since
 * answered with 500, 501, 502 or 504 ("not implemented" in one of RFC 959's words). A refusal like that is
 * remembered for the session, so the command is not sent again, and is never a failed transfer by itself.
 * Also remembers refusals of RFC 959 commands a server need not have (PASV, PORT).
 */
final class ServerExtensions {

    private final ProtocolLogBridge log;
    private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
    private volatile Features advertised = Features.NONE;

    ServerExtensions(ProtocolLogBridge log) {
        this.log = log;
    }

    void advertised(Features features) {
        advertised = features;
    }

    /** FEAT's list, without what the server refused since. */
    Features available() {
        Features f = advertised;
        for (String name : withdrawn) {
            f = f.without(name);
        }
        return f;
    }

    /** True when the server refused {@code command} as not implemented earlier in this session. */
    boolean refused(String command) {
        return withdrawn.contains(command.toUpperCase(Locale.ROOT));
    }

    /**
     * When {@code reply} says the server does not implement {@code feature}, remembers that for the session,
     * logs what Ferry does instead, and returns true; otherwise returns false and remembers nothing.
     */
    boolean withdrawIfNotImplemented(String feature, FtpReply reply, String instead) {
        if (!reply.isNotImplemented()) {
            return false;
        }
        withdraw(feature, reply, instead);
        return true;
    }

    /** Remembers for the session that {@code feature} does not work here, whatever the refusal, and logs it once. */
    void withdraw(String feature, FtpReply reply, String instead) {
        if (withdrawn.add(feature.toUpperCase(Locale.ROOT))) {
            log.info("the server does not have " + feature + " (" + reply.oneLine() + "); " + instead
                    + " for the rest of this session");
        }
    }
}
