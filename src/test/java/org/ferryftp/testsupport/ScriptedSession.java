package org.ferryftp.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * One control connection: reads command lines, applies the test's misbehaviour hooks, conducts the login script
 * and hands the remaining commands to {@link FileCommands} and {@link TransferCommands}. Runs on its own thread;
 * transfers run on another, so replies are written under a lock.
 */
final class ScriptedSession implements Runnable {

    private static final Set<String> ALLOWED_BEFORE_LOGIN =
            Set.of("USER", "PASS", "ACCT", "QUIT", "FEAT", "SYST", "OPTS", "AUTH");
    private static final Set<String> LOGIN_VERBS = Set.of("USER", "PASS", "ACCT");
    /** Longer command lines are cut here; no FTP client sends anything near this. */
    private static final int MAX_LINE_BYTES = 64 * 1024;
    private static final int IAC = 255;
    /** Telnet command codes are 240..255; anything below after an IAC is ordinary data. */
    private static final int TELNET_COMMANDS = 240;

    private enum LoginState { NONE, NEED_PASSWORD, NEED_ACCOUNT, LOGGED_IN }

    private final ScriptedFtpServer server;
    private final ServerBehaviour behaviour;
    private volatile Socket control;
    private InputStream in;
    private final ScriptedDataChannel data;
    private final FileCommands fileCommands;
    private final TransferCommands transferCommands;
    private final ChecksumCommands checksumCommands;
    private final Object replyLock = new Object();

    // Only the session thread touches the login state and the working directory.
    private LoginState login = LoginState.NONE;
    private String pendingUser;
    private boolean anonymous;
    private String cwd = "/";

    ScriptedSession(ScriptedFtpServer server, Socket control) {
        this.server = server;
        this.behaviour = server.behaviour();
        this.control = control;
        this.data = new ScriptedDataChannel((InetSocketAddress) control.getRemoteSocketAddress());
        this.fileCommands = new FileCommands(this, server.files(), behaviour);
        this.transferCommands = new TransferCommands(this, server, data);
        this.checksumCommands = new ChecksumCommands(this, server.files(), behaviour);
    }

    @Override
    public void run() {
        try {
            in = new BufferedInputStream(control.getInputStream());
            Integer greetingTrickle = behaviour.tricklingVerbs.get("");
            if (greetingTrickle != null) {
                trickle("220", greetingTrickle);
                return;
            }
            replyRaw(behaviour.greeting);
            String line;
            while ((line = readLine(in)) != null) {
                server.record(line);
                if (!handleReportingBugs(FtpCommand.parse(line))) {
                    break;
                }
            }
        } catch (IOException e) {
            // the client went away or close() closed the socket: either way the session is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /** Closes control and data sockets and aborts a running transfer; safe from any thread, idempotent. */
    void close() {
        data.close();
        transferCommands.abortRunningTransfer();
        ScriptedDataChannel.closeQuietly(control);
    }

    /** A bug in this server shows up as a 451 reply naming it, instead of a silently dead session. */
    private boolean handleReportingBugs(FtpCommand command) throws IOException, InterruptedException {
        try {
            return handle(command);
        } catch (RuntimeException e) {
            reply("451 Scripted server bug: " + e);
            return true;
        }
    }

    /** Returns false when the session must end. */
    private boolean handle(FtpCommand command) throws IOException, InterruptedException {
        String verb = command.verb();
        if (!verb.equals("ABOR")) {
            transferCommands.awaitRunningTransfer(); // like real servers: commands queue behind a transfer
        }
        if (behaviour.droppingVerbs.contains(verb)) {
            return false;
        }
        if (behaviour.droppingAfterVerbs.remove(verb)) {
            muted = true; // carried out below, but its reply never leaves
        }
        if (behaviour.stalledVerbs.contains(verb)) {
            server.awaitClose();
            return false;
        }
        Integer trickle = behaviour.tricklingVerbs.get(verb);
        if (trickle != null) {
            trickle("211", trickle);
            return false;
        }
        byte[] scripted = behaviour.scriptedReplies.get(verb);
        if (scripted != null) {
            replyRaw(scripted);
            if (LOGIN_VERBS.contains(verb) && new String(scripted, StandardCharsets.UTF_8).startsWith("230")) {
                login = LoginState.LOGGED_IN;
            }
            return true;
        }
        Integer missing = behaviour.refusalCode(command);
        if (missing != null) {
            reply(Rfc959Extension.refusal(missing, command));
            return true;
        }
        if (login != LoginState.LOGGED_IN && !ALLOWED_BEFORE_LOGIN.contains(verb)) {
            reply("530 Please login with USER and PASS.");
            return true;
        }
        if (behaviour.refuses(verb, command.argument())) {
            reply("504 " + (verb + " " + command.argument().trim()).trim() + " not implemented for that parameter");
            return true;
        }
        switch (verb) {
            case "QUIT" -> {
                reply("221 Goodbye.");
                return false;
            }
            case "USER" -> user(command.argument());
            case "PASS" -> pass(command.argument());
            case "ACCT" -> acct(command.argument());
            case "SYST" -> reply("215 " + behaviour.systemName);
            case "FEAT" -> feat();
            case "OPTS" -> opts(command.argument().trim());
            case "AUTH" -> auth(command.argument().trim());
            case "PBSZ" -> reply(behaviour.tls == null ? "502 No TLS here." : "200 PBSZ=0");
            case "PROT" -> prot(command.argument().trim());
            case "SSCN" -> sscn(command.argument().trim());
            case "NOOP" -> reply("200 NOOP ok.");
            case "ALLO" -> reply("202 ALLO command ignored.");
            default -> {
                if (!fileCommands.handle(command) && !checksumCommands.handle(command)
                        && !transferCommands.handle(command)) {
                    reply("502 Command not implemented.");
                }
            }
        }
        return true;
    }

    private void user(String name) throws IOException {
        pendingUser = name;
        anonymous = behaviour.isAnonymous(name);
        boolean known = anonymous || behaviour.user.equals(name);
        switch (behaviour.loginScript) {
            case PASSWORD, ACCOUNT -> { // like most servers, do not reveal whether the user exists
                login = LoginState.NEED_PASSWORD;
                reply(anonymous ? "331 Guest login ok, send your e-mail address as password."
                        : "331 Please specify the password.");
            }
            case NO_PASSWORD -> loginStep(known, LoginState.LOGGED_IN);
            case ACCOUNT_AFTER_USER -> loginStep(known, LoginState.NEED_ACCOUNT);
        }
    }

    private void pass(String secret) throws IOException {
        if (login == LoginState.LOGGED_IN) {
            reply("230 Already logged in.");
        } else if (login != LoginState.NEED_PASSWORD) {
            reply("503 Login with USER first.");
        } else {
            boolean valid = anonymous || behaviour.user.equals(pendingUser) && behaviour.password.equals(secret);
            loginStep(valid, behaviour.loginScript == LoginScript.ACCOUNT ? LoginState.NEED_ACCOUNT
                    : LoginState.LOGGED_IN);
        }
    }

    private void acct(String account) throws IOException {
        if (login == LoginState.LOGGED_IN) {
            reply("202 ACCT command superfluous, already logged in.");
        } else if (login != LoginState.NEED_ACCOUNT) {
            reply("503 Login with USER first.");
        } else {
            loginStep(anonymous || behaviour.account.equals(account), LoginState.LOGGED_IN);
        }
    }

    private void loginStep(boolean valid, LoginState next) throws IOException {
        login = valid ? next : LoginState.NONE;
        if (!valid) {
            reply("530 Login incorrect.");
        } else if (next == LoginState.NEED_ACCOUNT) {
            reply("332 Need account for login.");
        } else {
            reply("230 Login successful.");
        }
    }

    private void feat() throws IOException {
        StringBuilder text = new StringBuilder("211-Features:\r\n");
        for (String feature : behaviour.advertisedFeatures()) {
            text.append(' ').append(feature).append("\r\n");
        }
        replyRaw(text.append("211 End\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    private void auth(String mechanism) throws IOException {
        javax.net.ssl.SSLContext context = behaviour.tls;
        if (context == null) {
            reply("502 AUTH not supported; this server speaks plain FTP only.");
            return;
        }
        if (!mechanism.equalsIgnoreCase("TLS")) {
            reply("504 Only AUTH TLS.");
            return;
        }
        reply("234 Proceed with negotiation.");
        javax.net.ssl.SSLSocket ssl = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                .createSocket(control, control.getInetAddress().getHostAddress(), control.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        control = ssl;
        in = new BufferedInputStream(ssl.getInputStream());
        data.tls(context);
    }

    private void prot(String level) throws IOException {
        if (behaviour.tls == null) {
            reply("502 No TLS here.");
        } else if (level.equalsIgnoreCase("P") || level.equalsIgnoreCase("C")) {
            data.protect(level.equalsIgnoreCase("P"));
            reply("200 Protection set to " + (level.equalsIgnoreCase("P") ? "Private" : "Clear"));
        } else {
            reply("504 PROT " + level + " not supported.");
        }
    }

    private void sscn(String argument) throws IOException {
        if (behaviour.tls == null || !behaviour.features.contains("SSCN")) {
            reply("502 Command not implemented.");
        } else if (argument.equalsIgnoreCase("ON") || argument.equalsIgnoreCase("OFF")) {
            data.tlsClient(argument.equalsIgnoreCase("ON"));
            reply("200 SSCN:" + (argument.equalsIgnoreCase("ON") ? "CLIENT" : "SERVER") + " METHOD");
        } else {
            reply("501 SSCN ON or OFF.");
        }
    }

    private void opts(String option) throws IOException {
        String upper = option.toUpperCase(Locale.ROOT);
        if (upper.equals("UTF8 ON") || upper.equals("UTF-8 ON") || upper.equals("UTF8")) {
            reply("200 Always in UTF8 mode.");
        } else if (upper.equals("HASH") || upper.startsWith("HASH ")) {
            checksumCommands.options(option.substring(4));
        } else if (upper.startsWith("MLST")) {
            reply("200 MLST OPTS type;size;modify;perm;");
        } else {
            reply("501 Option not understood.");
        }
    }

    /**
     * Reads one command line up to LF, dropping CR and Telnet IAC sequences (clients may send IAC IP / IAC DM
     * before ABOR). Returns null at end of stream.
     */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        while (b != '\n') {
            if (b < 0) {
                return null;
            }
            if (b == IAC) {
                int code = in.read();
                if (code < TELNET_COMMANDS) {
                    b = code; // a lone IAC whose partner went out of band with TCP urgent data: keep the byte
                    continue;
                }
                if (code == IAC) {
                    line.write(IAC); // escaped 0xFF data byte
                } else if (code >= 251) {
                    in.read(); // WILL/WONT/DO/DONT carry an option byte
                }
            } else if (line.size() < MAX_LINE_BYTES) {
                line.write(b);
            }
            b = in.read();
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    // ---- used by the command classes --------------------------------------------------------------------

    /** A multi-line reply whose last line never comes; ends when the client disconnects or the server closes. */
    private void trickle(String code, int intervalMillis) throws IOException, InterruptedException {
        reply(code + "-the reply starts here");
        for (long n = 1; !server.awaitClose(intervalMillis); n++) {
            reply(" line " + n + " of a reply that never ends");
        }
    }

    /** Set by {@link ScriptedFtpServer#dropAfterNext}: the next reply closes the connection instead. */
    private volatile boolean muted;

    void reply(String line) throws IOException {
        replyRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void replyRaw(byte[] bytes) throws IOException {
        if (muted) {
            close();
            return;
        }
        synchronized (replyLock) {
            OutputStream out = control.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    /** For transfer threads: a control connection that is gone just means nobody is listening any more. */
    void replyQuietly(String line) {
        try {
            reply(line);
        } catch (IOException ignored) {
            // the session thread notices the broken connection itself
        }
    }

    String cwd() {
        return cwd;
    }

    void changeDirectory(String absolutePath) {
        cwd = absolutePath;
    }

    /** An argument path resolved against the working directory; empty means the working directory itself. */
    String resolve(String argument) {
        return VirtualFileSystem.resolve(cwd, argument);
    }
}
