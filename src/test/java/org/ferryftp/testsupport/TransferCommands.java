package org.ferryftp.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;

/**
 * Representation (TYPE, STRU, MODE), data port (PASV, EPSV, PORT, EPRT), REST, the data transfer commands and
 * ABOR. Representation commands are accepted and recorded but never change the bytes: the server stores and serves
 * data exactly as it travels, only MODE Z (zlib) is undone/applied on the wire.
 */
final class TransferCommands {

    private static final String SYNTAX_ERROR = "501 Syntax error in parameters or arguments.";

    private final ScriptedSession session;
    private final ScriptedFtpServer server;
    private final ServerBehaviour behaviour;
    private final ServedFiles files;
    private final ScriptedDataChannel data;
    /** The transfer started last; read by close() from other threads. */
    private volatile DataTransfer running;
    private volatile boolean closed;
    // Session thread only.
    private long restartOffset;
    private boolean deflate;
    private boolean ebcdicListings;

    TransferCommands(ScriptedSession session, ScriptedFtpServer server, ScriptedDataChannel data) {
        this.session = session;
        this.server = server;
        this.behaviour = server.behaviour();
        this.files = server.files();
        this.data = data;
    }

    /** Returns false if the verb is not one of these commands. */
    boolean handle(FtpCommand command) throws IOException, InterruptedException {
        String argument = command.argument();
        switch (command.verb()) {
            case "TYPE" -> {
                String reply = type(argument);
                if (reply.startsWith("200")) {
                    // Listings are text in the session's type: EBCDIC after TYPE E, as on a mainframe.
                    ebcdicListings = argument.trim().toUpperCase(Locale.ROOT).startsWith("E");
                }
                session.reply(reply);
            }
            case "STRU" -> session.reply(oneOf(argument, "F|R|P", "Structure"));
            case "MODE" -> mode(argument.trim().toUpperCase(Locale.ROOT));
            case "PASV" -> session.reply(data.pasv(behaviour.pasvReplyAddress));
            case "CPSV" -> session.reply(behaviour.tls != null && behaviour.features.contains("CPSV") ? data.cpsv()
                    : "502 Command not implemented.");
            case "EPSV" -> session.reply(data.epsv(argument));
            case "PORT" -> session.reply(data.port(argument));
            case "EPRT" -> session.reply(data.eprt(argument));
            case "REST" -> restart(argument.trim());
            case "RETR" -> retrieve(argument);
            case "STOR" -> store(argument, session.resolve(argument), false, "150 Ok to send data.");
            case "APPE" -> store(argument, session.resolve(argument), true, "150 Ok to send data.");
            case "STOU" -> storeUnique(argument);
            case "LIST", "NLST", "MLSD" -> list(command.verb(), argument);
            case "ABOR" -> abort();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** TYPE A|E [N|T|C], I, L n (1..255); syntax errors get 501, unknown types 504. */
    static String type(String argument) {
        String[] parts = argument.trim().toUpperCase(Locale.ROOT).split(" +");
        boolean ok = switch (parts[0]) {
            case "I" -> parts.length == 1;
            case "A", "E" -> parts.length == 1 || parts.length == 2 && parts[1].matches("[NTC]");
            case "L" -> parts.length == 2 && parts[1].matches("\\d{1,3}")
                    && Integer.parseInt(parts[1]) >= 1 && Integer.parseInt(parts[1]) <= 255;
            default -> false;
        };
        if (ok) {
            return "200 Type set to " + String.join(" ", parts) + ".";
        }
        boolean wellFormed = parts[0].matches("[A-Z]") && parts.length <= 2;
        return wellFormed ? "504 Type not implemented for that parameter." : SYNTAX_ERROR;
    }

    private static String oneOf(String argument, String allowed, String what) {
        String value = argument.trim().toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            return SYNTAX_ERROR;
        }
        return value.matches(allowed) ? "200 " + what + " set to " + value + "."
                : "504 " + what + " not implemented for that parameter.";
    }

    private void mode(String value) throws IOException {
        String reply = oneOf(value, behaviour.modeZEnabled() ? "S|Z" : "S", "Mode");
        if (reply.startsWith("200")) {
            deflate = value.equals("Z");
        }
        session.reply(reply);
    }

    private void restart(String offset) throws IOException {
        if (!offset.matches("\\d{1,18}")) {
            session.reply(SYNTAX_ERROR);
            return;
        }
        restartOffset = Long.parseLong(offset);
        session.reply("350 Restart position accepted (" + restartOffset + ").");
    }

    private void retrieve(String argument) throws IOException {
        long offset = takeRestartOffset();
        String path = session.resolve(argument);
        byte[] content = argument.isBlank() ? null : files.read(path);
        if (content == null || offset > content.length) {
            data.reset();
            session.reply(content == null ? "550 Failed to open file." : "554 Invalid REST offset " + offset + ".");
            return;
        }
        Integer stallAfter = behaviour.dataStalls.get(path);
        boolean compress = deflate;
        startTransfer("150 Opening data connection for " + argument + " (" + content.length + " bytes).",
                transfer -> {
                    transfer.send(content, (int) offset, stallAfter, compress);
                    return "226 Transfer complete.";
                });
    }

    private void storeUnique(String argument) throws IOException {
        String requested = session.resolve(argument.isBlank() ? "stou" : argument);
        String dir = VirtualFileSystem.parentOf(requested);
        String name = files.uniqueName(dir, VirtualFileSystem.nameOf(requested));
        store(name, VirtualFileSystem.resolve(dir, name), false, "150 FILE: " + name);
    }

    /** STOR/APPE/STOU; REST n keeps the first n bytes and writes the data after them. */
    private void store(String argument, String path, boolean append, String preliminary) throws IOException {
        long offset = takeRestartOffset();
        byte[] existing = files.read(path);
        boolean creatable = files.isDirectory(VirtualFileSystem.parentOf(path)) && !files.isDirectory(path);
        if (argument.isBlank() || !creatable || offset > (existing == null ? 0 : existing.length)) {
            if (!behaviour.keepsListenerOnRefusedStore) {
                data.reset();
            }
            session.reply(!creatable || argument.isBlank() ? "553 Could not create file."
                    : "554 Invalid REST offset " + offset + ".");
            return;
        }
        boolean compressed = deflate;
        Integer cut = behaviour.uploadCuts.remove(path);
        if (behaviour.createsTargetOnStore && !append) {
            files.write(path, offset, new byte[0]);
        }
        boolean answerAfterData = behaviour.answersUploadAfterData;
        startTransfer(answerAfterData ? null : preliminary, transfer -> {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            IOException failure = null;
            try {
                transfer.receive(cut == null ? received : new CutAfter(received, cut), compressed);
            } catch (IOException e) {
                failure = e; // keep what arrived, as a real server's partial file would
            }
            byte[] bytes = received.toByteArray();
            boolean stored = append && offset == 0 ? files.append(path, bytes) : files.write(path, offset, bytes);
            if (failure != null) {
                throw failure;
            }
            if (answerAfterData) {
                session.replyQuietly(preliminary);
            }
            return stored ? "226 Transfer complete." : "451 Could not store " + path + ".";
        });
    }

    private void list(String verb, String argument) throws IOException {
        takeRestartOffset();
        String path = session.resolve(verb.equals("MLSD") ? argument : withoutOptions(argument));
        List<String> lines = behaviour.listing(verb, path);
        if (lines == null) {
            lines = generatedListing(verb, path);
        }
        if (lines == null && behaviour.listsMissingLikeVsftpd && !verb.equals("MLSD")) {
            startTransfer("150 Here comes the directory listing.",
                    transfer -> "226 Transfer done (but failed to open directory).");
            return;
        }
        if (lines == null) {
            data.reset();
            session.reply("550 No such file or directory.");
            return;
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append("\r\n"));
        byte[] bytes = text.toString().getBytes(ebcdicListings ? java.nio.charset.Charset.forName("IBM1047")
                : StandardCharsets.UTF_8);
        boolean compress = deflate;
        startTransfer("150 Here comes the directory listing.", transfer -> {
            transfer.send(bytes, 0, null, compress);
            return "226 Directory send OK.";
        });
    }

    /** Listing lines from the virtual file system, or null if there is nothing to list. */
    private List<String> generatedListing(String verb, String path) {
        VirtualFileSystem.Entry entry = files.entry(path);
        if (entry == null || verb.equals("MLSD") && !entry.directory()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        if (verb.equals("MLSD")) {
            lines.add(ListingFormatter.facts(entry, "cdir", "."));
        }
        Instant now = Instant.now();
        for (VirtualFileSystem.Entry child : entry.directory() ? files.children(path) : List.of(entry)) {
            lines.add(switch (verb) {
                case "LIST" -> ListingFormatter.unixLine(child, now);
                case "NLST" -> child.name();
                default -> ListingFormatter.facts(child, child.directory() ? "dir" : "file", child.name());
            });
        }
        return lines;
    }

    /** ABOR: a running transfer gets 426 (written by its thread), then ABOR itself gets 226. */
    private void abort() throws IOException, InterruptedException {
        restartOffset = 0;
        DataTransfer transfer = running;
        if (transfer != null && !transfer.isFinished()) {
            transfer.abort();
            transfer.awaitFinished();
            session.reply("226 ABOR command successful.");
        } else {
            data.reset();
            session.reply("225 No transfer to ABOR.");
        }
    }

    /** Commands queue behind a running transfer, as on a real server. */
    void awaitRunningTransfer() throws InterruptedException {
        DataTransfer transfer = running;
        if (transfer != null) {
            transfer.awaitFinished();
        }
    }

    /** Session end: from now on no transfer may keep running. */
    void abortRunningTransfer() {
        closed = true;
        DataTransfer transfer = running;
        if (transfer != null) {
            transfer.abort();
        }
    }

    /**
     * Sends the preliminary reply (unless null: the work sends it itself), opens the data connection and runs the
     * transfer on its own thread.
     */
    private void startTransfer(String preliminary, DataTransfer.Work work) throws IOException {
        if (preliminary != null) {
            session.reply(preliminary);
        }
        Socket socket;
        try {
            socket = data.open();
        } catch (IOException e) {
            session.reply("425 Can't open data connection.");
            return;
        }
        DataTransfer transfer = new DataTransfer(socket, work, session::replyQuietly, server::transferBrokenByTheClient);
        running = transfer;
        if (closed) {
            transfer.abort(); // close() ran between open() and the assignment above
        }
        try {
            server.execute(transfer);
        } catch (RejectedExecutionException e) {
            transfer.abort(); // server closing
            running = null;
        }
    }

    private long takeRestartOffset() {
        long offset = restartOffset;
        restartOffset = 0;
        return offset;
    }

    /** Drops leading {@code -la} style options that clients put before the path of LIST and NLST. */
    private static String withoutOptions(String argument) {
        String rest = argument.stripLeading();
        while (rest.startsWith("-")) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
        }
        return rest;
    }
}
