package org.ferryftp.ui.browser;

import java.net.UnknownHostException;

/** Why a pane's work failed, in the words shown to the user (a listing, a connection, a file operation). */
final class FailureReason {

    private FailureReason() {
    }

    static String of(Throwable t) {
        String m = t.getMessage();
        if (t instanceof UnknownHostException) {
            return "unknown host " + m;
        }
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
