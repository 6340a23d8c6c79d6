package org.ferryftp.site.vault;

/** Turns a keyring library's nested exceptions into one short line (no stack traces in Ferry's output). */
final class KeyringProblems {

    private KeyringProblems() {
    }

    /** The innermost message of the cause chain, or the innermost exception's simple name when none has one. */
    static String describe(Throwable t) {
        String message = null;
        Throwable innermost = t;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            innermost = c;
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        return message != null ? message.strip() : innermost.getClass().getSimpleName();
    }
}
