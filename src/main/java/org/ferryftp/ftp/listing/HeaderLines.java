package org.ferryftp.ftp.listing;

import java.util.regex.Pattern;

/**
 * Lines that servers put around their entries, recognised so that they are skipped on purpose rather than shown
 * as unparsed: Unix {@code total 12}, VMS {@code Directory DISK$USER:[BOB]} and {@code Total of 3 files, 9 blocks.},
 * DOS {@code Volume in drive} / {@code Directory of} / {@code 3 File(s)}, the column headers of MVS, HP NonStop and
 * OS-9, and OS-9's ruler of dashes.
 */
final class HeaderLines {

    private static final Pattern HEADER = Pattern.compile(String.join("|",
            "total\\s+\\d+(\\.\\d+)?[kKmMgG]?",
            "(Grand )?[Tt]otal of \\d+ .*",
            "Directory \\S+",
            "\\s*Directory of .*",
            "\\s*Volume (in drive|Serial Number) .*",
            "\\s*\\d[\\d,.]* (File|Dir)\\(s\\).*",
            "\\s*Volume\\s+Unit\\s+Referred.*",
            "\\s*File\\s+Code\\s+EOF\\s+Last Modification.*",
            "\\s*Owner\\s+Last modified\\s+Attributes.*")
            + "|" + memberHeader());

    private static final Pattern MEMBER_HEADER = Pattern.compile(memberHeader());

    private HeaderLines() {
    }

    private static String memberHeader() {
        return "\\s*Name\\s+(VV\\.MM\\s+Created|Size\\s+TTR).*";
    }

    static boolean isHeader(String line) {
        return isRuler(line) || HEADER.matcher(line).matches();
    }

    /** Columns of dashes under a header ({@code -------  ----}); by hand, as a repeated regex group recurses per repeat. */
    private static boolean isRuler(String line) {
        int runs = 0;
        int run = 0;
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : ' ';
            if (c == '-') {
                run++;
            } else if (c == ' ') {
                if (run > 0 && run < 3) {
                    return false;
                }
                runs += run > 0 ? 1 : 0;
                run = 0;
            } else {
                return false;
            }
        }
        return runs >= 2;
    }

    static boolean isMemberHeader(String line) {
        return MEMBER_HEADER.matcher(line).matches();
    }
}
