package org.ferryftp.sftp;

/** How MINA's exceptions read in Ferry's one-line messages. */
final class Failures {

    private Failures() {
    }

    /** The innermost cause: MINA wraps e.g. "Connection refused" in its futures' exceptions. */
    static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The message on one line, or the exception's kind when it has none. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m.replace('\r', ' ').replace('\n', ' ');
    }

    /** "30 s", or "500 ms" below a whole second, as the timeout messages say it. */
    static String duration(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
