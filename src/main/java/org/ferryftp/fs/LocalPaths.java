package org.ferryftp.fs;

import org.ferryftp.session.RemoteEntry;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Maps names that came from a server onto local paths. A listing is untrusted input: a name such
 * as {@code ..}, {@code ../../.bashrc} or {@code /etc/passwd} must never become a path outside the
 * directory the user chose.
 */
public final class LocalPaths {

    private LocalPaths() {
    }

    /** {@code dir/name}, or an exception when {@code name} is not a plain single name. */
    public static Path resolveChild(Path dir, String name) throws UnsafeNameException {
        if (!RemoteEntry.isSafeName(name)) {
            throw new UnsafeNameException("refusing to create a local file named \"" + printable(name)
                    + "\": a name from the server must not contain '/', '\\' or NUL, nor be '.' or '..'");
        }
        Path base = dir.toAbsolutePath().normalize();
        Path child;
        try {
            child = base.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new UnsafeNameException("the server's name \"" + printable(name)
                    + "\" is not a valid local file name: " + e.getReason());
        }
        if (!base.equals(child.getParent())) {
            throw new UnsafeNameException("refusing \"" + printable(name) + "\": it would leave " + base);
        }
        return child;
    }

    private static String printable(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            sb.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
