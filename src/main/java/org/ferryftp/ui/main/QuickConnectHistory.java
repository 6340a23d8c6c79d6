package org.ferryftp.ui.main;

import org.ferryftp.fs.AtomicFiles;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The quick-connect bar's recent connections: host, port and user, most recent first, in a small properties file
 * in the config directory. Passwords are never part of it. Saves are atomic; a file that cannot be read is ignored
 * (and left as it is until the next save replaces it), with a message for the log.
 */
public final class QuickConnectHistory {

    /** One remembered connection; {@code user} is "anonymous" for anonymous logins. */
    public record Entry(String host, int port, String user) {

        /** As shown in the drop-down: "user@host:port". */
        public String label() {
            return user + "@" + host + (port == 21 ? "" : ":" + port);
        }
    }

    public static final int MAX_ENTRIES = 12;

    private final Path file;
    private final Consumer<String> log;
    private final List<Entry> entries = new ArrayList<>();

    /** @param log receives a line when the file cannot be read or written */
    public QuickConnectHistory(Path file, Consumer<String> log) {
        this.file = file;
        this.log = log;
        load();
    }

    /** Most recent first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Puts a successful quick connection's host, port and user first (its password is not looked at) and saves. */
    public void remember(QuickConnect.Result result) {
        if (result.site() == null) {
            return;
        }
        SessionSettings s = result.site().settings();
        Credentials c = s.credentials();
        remember(new Entry(s.host(), s.port(), c.isAnonymous() ? "anonymous" : c.user()));
    }

    public synchronized void remember(Entry e) {
        entries.remove(e);
        entries.add(0, e);
        while (entries.size() > MAX_ENTRIES) {
            entries.remove(entries.size() - 1);
        }
        save();
    }

    private void load() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | IllegalArgumentException e) {
            log.accept("the quick-connect history " + file + " could not be read (" + e.getMessage() + "); it is ignored");
            return;
        }
        for (int i = 0; i < MAX_ENTRIES; i++) {
            String host = p.getProperty(i + ".host");
            if (host == null) {
                break;
            }
            try {
                int port = Integer.parseInt(p.getProperty(i + ".port", "21"));
                if (host.isBlank() || port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                entries.add(new Entry(host, port, p.getProperty(i + ".user", "anonymous")));
            } catch (NumberFormatException e) {
                log.accept("the quick-connect history " + file + " has a damaged entry " + i + "; it is ignored");
            }
        }
    }

    private void save() {
        Properties p = new Properties();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            p.setProperty(i + ".host", e.host());
            p.setProperty(i + ".port", Integer.toString(e.port()));
            p.setProperty(i + ".user", e.user());
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.store(out, "Ferry quick-connect history (host, port and user; never passwords)");
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.replace(file, out.toByteArray());
        } catch (IOException e) {
            log.accept("could not save the quick-connect history to " + file + ": " + e.getMessage());
        }
    }
}
