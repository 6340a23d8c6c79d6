package org.ferryftp.cli;

import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.listing.ListingResult;
import org.ferryftp.ftp.listing.RemoteEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

@Command(name = "ls", description = "List a remote directory (MLSD when offered, else LIST).")
final class LsCommand extends SessionCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "URL", description = "ftp://user[:pass]@host[:port]/dir")
    String url;

    @Option(names = "--names", description = "Names only (NLST).")
    boolean namesOnly;

    @Override
    void run() throws Exception {
        FtpUrl u = FtpUrl.parse(url);
        try (FtpSession session = open(u)) {
            String dir = u.path().isEmpty() ? null : u.path();
            if (namesOnly) {
                session.nameList(dir).forEach(root.out::println);
                return;
            }
            ListingResult listing = session.list(dir);
            for (RemoteEntry e : listing.entries()) {
                root.out.printf("%s %-10s %12s %s %s%s%n", kindLetter(e), e.permissions().isEmpty() ? "?" : e.permissions(),
                        e.size() < 0 ? "-" : Long.toString(e.size()),
                        e.modified() == null ? "                " : TIME.format(e.modified()),
                        visible(e.name()), e.linkTarget() == null ? "" : " -> " + visible(e.linkTarget()));
            }
            if (!listing.unparsed().isEmpty()) {
                root.err.println("ferry: " + listing.unparsed().size() + " listing line(s) could not be parsed:");
                listing.unparsed().forEach(l -> root.err.println("  " + visible(l)));
            }
        }
    }

    private static char kindLetter(RemoteEntry e) {
        return switch (e.kind()) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case FILE -> '-';
            case OTHER -> '?';
        };
    }

    /** Control characters in names from a server are shown escaped, never sent to the terminal. */
    static String visible(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
