package org.ferryftp.ui.main;

import org.ferryftp.fs.ConfigProperties;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quick-connect bar's recent connections: host, port and user, most recent first, in a small properties file
 * in the config directory. Passwords are never part of it. Each remembered connection is added under the file's lock
 * to the history as the file holds it then, so two windows keep each other's; saves are atomic. A damaged line is
 * reported (with the file's path) and the file kept aside, and the other entries are kept ({@link ConfigProperties}).
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
    private static final Pattern KEY = Pattern.compile("(\\d{1,6})\\.(host|port|user)");

    private final ConfigProperties file;
    private final Consumer<String> log;
    private final List<Entry> entries = new ArrayList<>();

    /** @param log receives a line when the file cannot be read or written, or had damaged lines */
    public QuickConnectHistory(Path file, Consumer<String> log) {
        this(file, log, Clock.systemUTC());
    }

    /** @param clock stamps the name a damaged file is kept aside under */
    public QuickConnectHistory(Path file, Consumer<String> log, Clock clock) {
        this.file = new ConfigProperties(file, "the quick-connect history",
                "Ferry quick-connect history (host, port and user; never passwords)", QuickConnectHistory::problem, clock);
        this.log = log;
        try {
            ConfigProperties.Read read = this.file.read();
            read.problem().ifPresent(log);
            entries.addAll(entries(read.entries()));
        } catch (IOException e) {
            log.accept("the quick-connect history " + file + " could not be read (" + e.getMessage() + "); it is ignored");
        }
    }

    /** Why a line is not part of an entry, or null. */
    private static String problem(String key, String value) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return "not a host, port or user of an entry";
        }
        if (m.group(2).equals("host") && value.isBlank()) {
            return "an empty host";
        }
        if (m.group(2).equals("port")) {
            try {
                int port = Integer.parseInt(value.strip());
                if (port < 1 || port > 65535) {
                    return "port " + value + " is not 1..65535";
                }
            } catch (NumberFormatException e) {
                return "port " + value + " is not a number";
            }
        }
        return null;
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
        try {
            ConfigProperties.Read written = file.update(lines -> {
                List<Entry> now = entries(lines);
                now.remove(e);
                now.add(0, e);
                lines.clear();
                lines.putAll(lines(now.subList(0, Math.min(now.size(), MAX_ENTRIES))));
            });
            written.problem().ifPresent(log);
            entries.clear();
            entries.addAll(entries(written.entries()));
        } catch (IOException ex) {
            entries.remove(e);
            entries.add(0, e);
            while (entries.size() > MAX_ENTRIES) {
                entries.remove(entries.size() - 1);
            }
            log.accept("could not save the quick-connect history to " + file.file() + ": " + ex.getMessage());
        }
    }

    /** The entries the lines hold, by their number; a number without a host is no entry. */
    private static List<Entry> entries(Map<String, String> lines) {
        TreeMap<Integer, Entry> byNumber = new TreeMap<>();
        lines.forEach((key, value) -> {
            Matcher m = KEY.matcher(key);
            if (m.matches() && m.group(2).equals("host")) {
                String n = m.group(1);
                byNumber.put(Integer.parseInt(n), new Entry(value, Integer.parseInt(lines.getOrDefault(n + ".port", "21").strip()),
                        lines.getOrDefault(n + ".user", "anonymous")));
            }
        });
        List<Entry> out = new ArrayList<>();
        byNumber.values().stream().filter(e -> !out.contains(e)).forEach(out::add);
        return out;
    }

    private static Map<String, String> lines(List<Entry> entries) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            p.put(i + ".host", e.host());
            p.put(i + ".port", Integer.toString(e.port()));
            p.put(i + ".user", e.user());
        }
        return p;
    }
}
