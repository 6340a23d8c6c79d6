package org.ferryftp.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** The commands that work on the virtual file system over the control connection alone. */
final class FileCommands {

    private static final String SYNTAX_ERROR = "501 Syntax error in parameters or arguments.";
    private static final Set<String> NEEDS_ARGUMENT = Set.of("CWD", "XCWD", "MKD", "XMKD", "RMD", "XRMD", "DELE",
            "RNFR", "RNTO", "SIZE", "MDTM", "MFMT", "SITE");

    private final ScriptedSession session;
    private final ServedFiles files;
    private final ServerBehaviour behaviour;
    /** Set by RNFR, used by the next RNTO; session thread only. */
    private String renameFrom;

    FileCommands(ScriptedSession session, ServedFiles files, ServerBehaviour behaviour) {
        this.session = session;
        this.files = files;
        this.behaviour = behaviour;
    }

    /** Returns false if the verb is not one of these commands. */
    boolean handle(FtpCommand command) throws IOException {
        String argument = command.argument();
        if (NEEDS_ARGUMENT.contains(command.verb()) && !command.hasArgument()) {
            session.reply(SYNTAX_ERROR);
            return true;
        }
        switch (command.verb()) {
            case "PWD", "XPWD" -> session.reply("257 " + quote(session.cwd()) + " is the current directory");
            case "CWD", "XCWD" -> changeDirectory(argument);
            case "CDUP", "XCUP" -> changeDirectory("..");
            case "MKD", "XMKD" -> {
                String path = session.resolve(argument);
                session.reply(files.mkdir(path) ? "257 " + quote(path) + " created"
                        : "550 Create directory operation failed.");
            }
            case "RMD", "XRMD" -> session.reply(files.removeEmptyDirectory(session.resolve(argument))
                    ? "250 Remove directory operation successful." : "550 Remove directory operation failed.");
            case "DELE" -> session.reply(files.deleteFile(session.resolve(argument))
                    ? "250 Delete operation successful." : "550 Delete operation failed.");
            case "RNFR" -> renameFrom(session.resolve(argument));
            case "RNTO" -> renameTo(session.resolve(argument));
            case "SIZE" -> {
                VirtualFileSystem.Entry entry = files.entry(session.resolve(argument));
                session.reply(entry == null || entry.directory() ? "550 Could not get file size."
                        : "213 " + entry.size());
            }
            case "MDTM" -> {
                VirtualFileSystem.Entry entry = files.entry(session.resolve(argument));
                session.reply(entry == null || entry.directory() ? "550 Could not get file modification time."
                        : "213 " + ListingFormatter.timestamp(entry.modified()));
            }
            case "MFMT" -> setModificationTime(argument);
            case "SITE" -> site(argument.trim());
            case "MLST" -> machineListSingle(session.resolve(argument));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void changeDirectory(String argument) throws IOException {
        String path = session.resolve(argument);
        if (files.isDirectory(path)) {
            session.changeDirectory(path);
            session.reply("250 Directory successfully changed.");
        } else {
            session.reply("550 Failed to change directory.");
        }
    }

    private void renameFrom(String path) throws IOException {
        if (files.exists(path)) {
            renameFrom = path;
            session.reply("350 Ready for RNTO.");
        } else {
            renameFrom = null;
            session.reply("550 RNFR command failed.");
        }
    }

    private void renameTo(String path) throws IOException {
        String from = renameFrom;
        renameFrom = null;
        if (from == null) {
            session.reply("503 RNFR required first.");
        } else if (behaviour.refusesRenameOntoFile && files.exists(path)) {
            session.reply("553 Rename failed: the target exists.");
        } else {
            session.reply(files.rename(from, path) ? "250 Rename successful." : "550 Rename failed.");
        }
    }

    /** MFMT YYYYMMDDHHMMSS path (draft-somers-ftp-mfxx): replies with the time actually set. */
    private void setModificationTime(String argument) throws IOException {
        String[] parts = argument.split(" ", 2);
        if (parts.length < 2 || parts[1].isEmpty()) {
            session.reply(SYNTAX_ERROR);
            return;
        }
        Instant time;
        try {
            time = ListingFormatter.parseTimestamp(parts[0]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            session.reply(SYNTAX_ERROR);
            return;
        }
        String path = session.resolve(parts[1]);
        session.reply(files.setModified(path, time)
                ? "213 Modify=" + ListingFormatter.timestamp(time) + "; " + parts[1]
                : "550 Could not set file modification time.");
    }

    /**
     * SITE CHMOD mode path (the mode is recorded as sent so that tests can assert it), and SITE UTIME in the forms
     * {@link ServerBehaviour#siteUtimeForms} allows: {@code UTIME YYYYMMDDhhmmss path} (2) and ProFTPD's
     * {@code UTIME path atime mtime ctime UTC} (5); the other form is a syntax error, as on a server without it.
     */
    private void site(String argument) throws IOException {
        String[] parts = argument.split(" +", 3);
        if (parts[0].equalsIgnoreCase("UTIME") && !behaviour.siteUtimeForms.isEmpty()) {
            siteUtime(argument.substring(parts[0].length()).strip());
        } else if (!parts[0].equalsIgnoreCase("CHMOD")) {
            session.reply("500 Unknown SITE command.");
        } else if (parts.length < 3 || !parts[1].matches("[0-7]{3,4}")) {
            session.reply(SYNTAX_ERROR);
        } else {
            session.reply(files.setMode(session.resolve(parts[2]), parts[1])
                    ? "200 SITE CHMOD command ok." : "550 SITE CHMOD command failed.");
        }
    }

    private void siteUtime(String args) throws IOException {
        String[] five = args.split(" ");
        String time;
        String path;
        if (five.length >= 5 && five[five.length - 1].equals("UTC") && behaviour.siteUtimeForms.contains(5)) {
            time = five[five.length - 3];
            path = String.join(" ", java.util.Arrays.copyOf(five, five.length - 4));
        } else if (five.length >= 2 && five[0].matches("\\d{12}(\\d{2})?") && behaviour.siteUtimeForms.contains(2)) {
            time = five[0];
            path = args.substring(five[0].length() + 1);
        } else {
            session.reply(SYNTAX_ERROR);
            return;
        }
        Instant t;
        try {
            t = ListingFormatter.parseTimestamp(time);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            session.reply(SYNTAX_ERROR);
            return;
        }
        session.reply(files.setModified(session.resolve(path), t) ? "200 SITE UTIME command successful"
                : "550 " + path + ": No such file or directory");
    }

    /** MLST: the facts of one entry on the control connection (RFC 3659 §7). */
    private void machineListSingle(String path) throws IOException {
        VirtualFileSystem.Entry entry = files.entry(path);
        if (entry == null) {
            session.reply("550 No such file or directory.");
            return;
        }
        String facts = ListingFormatter.facts(entry, entry.directory() ? "dir" : "file", path);
        String reply = "250-Listing " + path + "\r\n " + facts + "\r\n250 End\r\n";
        session.replyRaw(reply.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 959 quoting for 257 replies: the path in double quotes, embedded quotes doubled. */
    private static String quote(String path) {
        return "\"" + path.replace("\"", "\"\"") + "\"";
    }
}
