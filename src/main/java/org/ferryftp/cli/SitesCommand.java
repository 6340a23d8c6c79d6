package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteSecret;
import org.ferryftp.site.SiteSessions;
import org.ferryftp.site.store.SiteExchange;
import org.ferryftp.site.store.SiteStore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code ferry sites list | export FILE [--with-passwords] | import filezilla|ferry FILE}: the saved sites of the
 * config directory ({@code FERRY_CONFIG_DIR}), shared with the window.
 */
final class SitesCommand implements Subcommand {

    @Override
    public String name() {
        return "sites";
    }

    @Override
    public String synopsis() {
        return "list | export FILE [--with-passwords] | import filezilla|ferry FILE";
    }

    @Override
    public String summary() {
        return "saved sites: list them, export them, import FileZilla's sitemanager.xml or a Ferry export";
    }

    @Override
    public int arity() {
        return -1;
    }

    @Override
    public boolean takesProtocolOptions() {
        return false;
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("with-passwords")
                .desc("export: include the saved passwords, encrypted with a passphrase (asked, or "
                        + ExportPassphrase.VARIABLE + ")")
                .get());
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        List<String> args = line.getArgList();
        String action = args.isEmpty() ? "" : args.get(0);
        if (line.hasOption("with-passwords") && !action.equals("export")) {
            throw new IllegalArgumentException("--with-passwords is for ferry sites export");
        }
        switch (action) {
            case "list" -> {
                expect(args, 1);
                list(context.saved().loaded(), context.out());
            }
            case "export" -> {
                expect(args, 2);
                export(Path.of(args.get(1)), line.hasOption("with-passwords"), context);
            }
            case "import" -> {
                expect(args, 3);
                new SiteImportRun(context).run(args.get(1), Path.of(args.get(2)));
            }
            default -> throw new IllegalArgumentException("usage: ferry sites " + synopsis());
        }
    }

    private void expect(List<String> args, int count) {
        if (args.size() != count) {
            throw new IllegalArgumentException("usage: ferry sites " + synopsis());
        }
    }

    /** One line per folder ("Work/Clients/") and per site (indented, then its site: name, protocol and address). */
    static void list(SiteStore.Loaded loaded, PrintStream out) {
        if (loaded.sites().isEmpty() && loaded.folders().isEmpty()) {
            out.println("no saved sites");
            return;
        }
        TreeSet<String> seen = new TreeSet<>();
        List<List<String>> folders = new ArrayList<>(loaded.folders());
        loaded.sites().forEach(s -> folders.add(s.folder()));
        List<List<String>> all = new ArrayList<>();
        for (List<String> f : folders) {
            for (int n = 1; n <= f.size(); n++) {
                if (seen.add(String.join("/", f.subList(0, n)))) {
                    all.add(List.copyOf(f.subList(0, n)));
                }
            }
        }
        print(List.of(), all, loaded.sites(), out);
    }

    private static void print(List<String> folder, List<List<String>> folders, List<SiteProfile> sites, PrintStream out) {
        String indent = "  ".repeat(folder.size());
        folders.stream().filter(f -> f.size() == folder.size() + 1 && f.subList(0, folder.size()).equals(folder))
                .sorted(Comparator.comparing(f -> f.get(f.size() - 1), String.CASE_INSENSITIVE_ORDER))
                .forEach(f -> {
                    out.println(indent + String.join("/", f) + "/");
                    print(f, folders, sites, out);
                });
        sites.stream().filter(s -> s.folder().equals(folder))
                .sorted(Comparator.comparing(SiteProfile::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(s -> out.printf("%s%-30s %-8s %s%n", indent, Endpoint.SITE_PREFIX + s.path(),
                        protocol(s), address(s)));
    }

    private static String protocol(SiteProfile s) {
        if (s.isSftp()) {
            return "sftp";
        }
        return switch (s.tls()) {
            case NONE -> "ftp";
            case IF_OFFERED -> "ftp+tls?";
            case EXPLICIT -> "ftpes";
            case IMPLICIT -> "ftps";
        };
    }

    private static String address(SiteProfile s) {
        String user = switch (s.login()) {
            case ANONYMOUS -> "anonymous";
            default -> s.user();
        };
        return (user.isEmpty() ? "" : user + "@") + s.host() + ":" + s.port();
    }

    private static void export(Path file, boolean withPasswords, CliContext context) throws Exception {
        SiteStore.Loaded loaded = context.saved().loaded();
        Map<String, String> passwords = withPasswords
                ? SiteSecret.export(loaded.sites(), context.saved().credentials()::get) : Map.of();
        SiteExchange.Contents contents = withPasswords
                ? SiteExchange.withPasswords(loaded.sites(), loaded.folders(), passwords, context.passphrase().forExport(file))
                : SiteExchange.of(loaded.sites(), loaded.folders());
        SiteExchange.write(file, contents);
        context.out().println("exported " + loaded.sites().size() + " site(s) to " + file + (withPasswords
                ? " with " + passwords.size() + " password(s), encrypted with the passphrase (needed to import them)"
                : " without passwords"));
    }
}
