package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.TimePrecision;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

final class LsCommand extends SessionCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "ls";
    }

    @Override
    public String synopsis() {
        return "URL [--names]";
    }

    @Override
    public String summary() {
        return "list a directory (FTP: MLSD when offered, else LIST)";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("names").desc("names only (FTP: NLST)").get());
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        Endpoint u = endpoint(line, 0, context);
        try (RemoteSession session = open(u, line, context)) {
            String dir = u.path().isEmpty() ? null : u.path();
            if (line.hasOption("names") && session instanceof FtpSession ftp) {
                ftp.nameList(dir).forEach(n -> context.out().println(visible(n)));
                return;
            }
            if (line.hasOption("names")) {
                session.list(dir).entries().forEach(e -> context.out().println(visible(e.name())));
                return;
            }
            ListingResult listing = session.list(dir);
            for (RemoteEntry e : listing.entries()) {
                context.out().printf("%s %-10s %12s %s %s%s%n", kindLetter(e),
                        e.permissions().isEmpty() ? "?" : e.permissions(),
                        e.size() < 0 ? "-" : Long.toString(e.size()),
                        modified(e),
                        visible(e.name()), e.linkTarget() == null ? "" : " -> " + visible(e.linkTarget()));
            }
            if (!listing.unparsed().isEmpty()) {
                context.err().println("ferry: " + listing.unparsed().size() + " listing line(s) could not be parsed:");
                listing.unparsed().forEach(l -> context.err().println("  " + visible(l)));
            }
        }
    }

    /** 16 columns: date and time, or the date alone when that is all the server gave. */
    private static String modified(RemoteEntry e) {
        if (e.modified() == null) {
            return " ".repeat(16);
        }
        return e.precision() == TimePrecision.DAY ? String.format("%-16s", DATE.format(e.modified())) : TIME.format(e.modified());
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
