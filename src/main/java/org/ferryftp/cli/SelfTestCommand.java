package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ferry selftest}: a diagnostic, not listed in the usage. Starts an embedded Apache MINA
 * FtpServer on 127.0.0.1 (ephemeral port, temporary root) and runs Ferry's own {@code put},
 * {@code ls} and {@code get} against it, then compares the bytes on the server and the downloaded
 * copy with the original. One line: on stdout and exit 0 when everything matched, on stderr and
 * exit 1 otherwise. The
 * installers' build runs it from the packaged launcher, because classpath tests can pass while the
 * packaged runtime lacks a module.
 *
 * <p>Each {@link Variant} is one way to reach the server; a TLS variant configures the listener
 * and the URL scheme/options the client needs, and every variant runs the same steps.
 */
final class SelfTestCommand implements Subcommand {

    static final String NAME = "selftest";
    /** Odd size on purpose: not a multiple of any buffer, so a lost or doubled tail shows. */
    static final int SIZE = (1 << 20) + 4099;

    /** How the client reaches the embedded server. */
    enum Variant {
        PLAIN("plain FTP", "ftp"),
        EXPLICIT_TLS("FTPS explicit, PROT P", "ftpes"),
        IMPLICIT_TLS("FTPS implicit, PROT P", "ftps");

        private final String label;
        private final String scheme;

        Variant(String label, String scheme) {
            this.label = label;
            this.scheme = scheme;
        }

        String label() {
            return label;
        }

        boolean tls() {
            return this != PLAIN;
        }

        /** Prepares the listener and its data connections (TLS variants: the self-signed demo key). */
        void configure(ListenerFactory listener, DataConnectionConfigurationFactory data, Path work)
                throws IOException {
            if (!tls()) {
                return;
            }
            SslConfiguration ssl = DemoKey.sslConfiguration(work);
            listener.setSslConfiguration(ssl);
            listener.setImplicitSsl(this == IMPLICIT_TLS);
            data.setSslConfiguration(ssl);
        }

        /** The URL of the server's root for this variant. */
        String url(String user, String password, int port) {
            return scheme + "://" + user + ":" + password + "@127.0.0.1:" + port + "/";
        }

        /** Options every client step gets: TLS variants trust the demo key by its fingerprint. */
        List<String> clientOptions() throws IOException {
            return tls() ? List.of("--trust-fingerprint", DemoKey.fingerprint()) : List.of();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String synopsis() {
        return "[--variant NAME]";
    }

    @Override
    public String summary() {
        return "diagnostic: put, ls and get against an embedded server, compare the bytes";
    }

    @Override
    public int arity() {
        return 0;
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("variant").hasArg().argName("NAME")
                .desc("only this variant: " + Arrays.toString(Variant.values()).toLowerCase(java.util.Locale.ROOT)
                        + " (default: all)").get());
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        List<Variant> variants = variants(line.getOptionValue("variant"));
        List<String> forwarded = forwardedOptions(line);
        long start = System.nanoTime();
        List<String> passed = new ArrayList<>();
        for (Variant v : variants) {
            String failure = check(v, forwarded, true);
            if (failure != null) {
                context.err().println("ferry selftest: FAILED (" + v.label() + "): " + failure);
                throw new SelfTestFailed();
            }
            passed.add(v.label());
        }
        context.out().printf(java.util.Locale.ROOT, "ferry selftest: OK (%s): put, ls, get of %,d bytes, identical; %d ms; Java %s%n",
                String.join(", ", passed), SIZE, (System.nanoTime() - start) / 1_000_000,
                Runtime.version());
    }

    /** Thrown after the failure line is printed: exit 1 without a second message. */
    static final class SelfTestFailed extends Exception {
        private static final long serialVersionUID = 1L;

        SelfTestFailed() {
            super(null, null, false, false);
        }
    }

    private static List<Variant> variants(String only) {
        if (only == null) {
            return List.of(Variant.values());
        }
        for (Variant v : Variant.values()) {
            if (v.name().equalsIgnoreCase(only)) {
                return List.of(v);
            }
        }
        throw new IllegalArgumentException("unknown variant " + only + "; known: "
                + Arrays.toString(Variant.values()).toLowerCase(java.util.Locale.ROOT));
    }

    /** The protocol options given to selftest (e.g. --active, --mode Z), passed on to every step. */
    private static List<String> forwardedOptions(CommandLine line) {
        List<String> args = new ArrayList<>();
        for (Option o : line.getOptions()) {
            if (o.getLongOpt().equals("variant")) {
                continue;
            }
            args.add("--" + o.getLongOpt());
            if (o.hasArg()) {
                args.add(o.getValue());
            }
        }
        return args;
    }

    /**
     * Runs put, ls and get for one variant; returns null when all matched, else what went wrong.
     * {@code writable} is false only in the test that shows a failure is reported.
     */
    static String check(Variant variant, List<String> options, boolean writable) throws IOException {
        Path work = Files.createTempDirectory("ferry-selftest-");
        try (Server server = new Server(variant, work.resolve("server"), writable)) {
            Path local = Files.createDirectories(work.resolve("local"));
            byte[] data = new byte[SIZE];
            new SecureRandom().nextBytes(data);
            String file = "selftest-" + HexFormat.of().formatHex(data, 0, 4) + ".bin";
            Path original = Files.write(local.resolve(file), data);
            String root = variant.url(server.user, server.password, server.port);
            List<String> all = new ArrayList<>(options);
            all.addAll(variant.clientOptions());
            options = all;

            Step put = Step.run(options, "put", original.toString(), root);
            if (put.exit != 0) {
                return put.describe();
            }
            Path onServer = server.root.resolve(file);
            if (!Files.isRegularFile(onServer) || !Arrays.equals(data, Files.readAllBytes(onServer))) {
                return "put reported success but the server's copy of " + file + " differs";
            }
            Step ls = Step.run(options, "ls", "--names", root);
            if (ls.exit != 0) {
                return ls.describe();
            }
            if (ls.out.lines().noneMatch(l -> l.strip().equals(file))) {
                return "ls does not list " + file + ": " + ls.out.strip().replace('\n', ' ');
            }
            Path copy = local.resolve("downloaded.bin");
            Step get = Step.run(options, "get", root + file, "-o", copy.toString());
            if (get.exit != 0) {
                return get.describe();
            }
            if (!Files.isRegularFile(copy)) {
                return "get reported success but wrote no " + copy;
            }
            byte[] back = Files.readAllBytes(copy);
            if (!Arrays.equals(data, back)) {
                return "downloaded copy differs: " + back.length + " bytes, first difference at byte "
                        + Arrays.mismatch(data, back);
            }
            return null;
        } finally {
            deleteTree(work);
        }
    }

    /** One ferry subcommand run in-process, its exit status and output captured. */
    private record Step(String command, int exit, String out, String err) {

        static Step run(List<String> options, String command, String... args) {
            List<String> argv = new ArrayList<>();
            argv.add(command);
            argv.addAll(options);
            argv.addAll(List.of(args));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = FerryCommand.execute(argv.toArray(String[]::new),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), java.util.Map.of());
            return new Step(command, exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        String describe() {
            return command + " exited with " + exit + ": " + err.strip().replace('\n', ' ');
        }
    }

    /** Embedded MINA FtpServer on 127.0.0.1, an ephemeral port and a random password. */
    private static final class Server implements AutoCloseable {

        final String user = "selftest";
        final String password = randomHex(8);
        final Path root;
        final int port;
        private final FtpServer server;

        Server(Variant variant, Path root, boolean writable) throws IOException {
            this.root = Files.createDirectories(root);
            FtpServerFactory factory = new FtpServerFactory();
            ListenerFactory lf = new ListenerFactory();
            lf.setServerAddress("127.0.0.1");
            lf.setPort(0);
            DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
            data.setPassiveAddress("127.0.0.1");
            data.setPassiveExternalAddress("127.0.0.1");
            variant.configure(lf, data, root.getParent());
            lf.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
            Listener listener = lf.createListener();
            factory.addListener("default", listener);
            try {
                UserManager users = new PropertiesUserManagerFactory().createUserManager();
                BaseUser u = new BaseUser();
                u.setName(user);
                u.setPassword(password);
                u.setHomeDirectory(root.toString());
                List<Authority> authorities = writable ? List.of(new WritePermission()) : List.of();
                u.setAuthorities(authorities);
                users.save(u);
                factory.setUserManager(users);
                server = factory.createServer();
                server.start();
            } catch (FtpException e) {
                throw new IOException("cannot start the embedded FTP server: " + e.getMessage(), e);
            }
            port = listener.getPort();
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }
}
