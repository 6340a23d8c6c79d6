package org.ferryftp.ui.browser;

/** Unix permission bits between the three forms the chmod dialog shows: rwx string, octal, bit mask. */
public final class PermissionBits {

    private PermissionBits() {
    }

    /** {@code rwxr-xr-x} (optionally with a leading type letter) → 0755; unknown letters count as unset. */
    public static int fromSymbolic(String perms) {
        if (perms == null) {
            return 0;
        }
        String p = perms.length() == 10 ? perms.substring(1) : perms;
        if (p.length() != 9) {
            return 0;
        }
        int mode = 0;
        for (int i = 0; i < 9; i++) {
            char c = p.charAt(i);
            if (c != '-' && c != 'S' && c != 'T') {
                mode |= 1 << (8 - i);
            }
        }
        return mode;
    }

    public static String toOctal(int mode) {
        return String.format("%03o", mode & 0777);
    }

    /** Parses "755" / "0644"; -1 when it is not 1–4 octal digits. */
    public static int parseOctal(String text) {
        if (text == null || !text.matches("[0-7]{1,4}")) {
            return -1;
        }
        return Integer.parseInt(text, 8) & 0777;
    }

    public static String toSymbolic(int mode) {
        String letters = "rwxrwxrwx";
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return sb.toString();
    }
}
