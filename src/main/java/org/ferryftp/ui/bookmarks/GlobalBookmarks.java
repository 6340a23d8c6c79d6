package org.ferryftp.ui.bookmarks;

import org.ferryftp.fs.ConfigProperties;

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
 * The global bookmarks, in order, in {@code bookmarks.properties} in the config directory ({@link ConfigProperties}:
 * written atomically under the file's lock, re-read before each change so another window's bookmarks survive; a
 * damaged line costs only itself, the file is kept aside and the problem reported in one line). With no file,
 * bookmarks live in memory only.
 */
public final class GlobalBookmarks {

    private static final Pattern KEY = Pattern.compile("(\\d{1,6})\\.(name|local|remote|site|sync)");

    private final ConfigProperties file;
    private final Consumer<String> log;
    private final List<GlobalBookmark> bookmarks = new ArrayList<>();

    /**
     * @param file the properties file, or null to keep bookmarks in memory
     * @param log  receives one line when the file cannot be read or written, or had damaged lines
     */
    public GlobalBookmarks(Path file, Consumer<String> log, Clock clock) {
        this.file = file == null ? null : new ConfigProperties(file, "the bookmarks",
                "Ferry bookmarks: a local and a remote folder each", GlobalBookmarks::problem, clock);
        this.log = log;
        if (this.file != null) {
            try {
                ConfigProperties.Read read = this.file.read();
                read.problem().ifPresent(log);
                bookmarks.addAll(parse(read.entries()));
            } catch (IOException e) {
                log.accept("the bookmarks " + file + " could not be read (" + e.getMessage() + "); none are shown");
            }
        }
    }

    private static String problem(String key, String value) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return "not part of a bookmark";
        }
        if (m.group(2).equals("name") && value.isBlank()) {
            return "a bookmark without a name";
        }
        if (m.group(2).equals("sync") && !value.strip().equals("true") && !value.strip().equals("false")) {
            return "sync is " + value + ", not true or false";
        }
        return null;
    }

    public synchronized List<GlobalBookmark> list() {
        return List.copyOf(bookmarks);
    }

    /** Adds a bookmark at the end, or replaces the one of the same name where it is. */
    public void put(GlobalBookmark b) {
        change(now -> {
            int at = indexOf(now, b.name());
            if (at >= 0) {
                now.set(at, b);
            } else {
                now.add(b);
            }
        });
    }

    public void remove(String name) {
        change(now -> now.removeIf(b -> b.name().equals(name)));
    }

    private static int indexOf(List<GlobalBookmark> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private synchronized void change(Consumer<List<GlobalBookmark>> edit) {
        if (file == null) {
            edit.accept(bookmarks);
            return;
        }
        try {
            ConfigProperties.Read written = file.update(lines -> {
                List<GlobalBookmark> now = parse(lines);
                edit.accept(now);
                lines.clear();
                lines.putAll(lines(now));
            });
            written.problem().ifPresent(log);
            bookmarks.clear();
            bookmarks.addAll(parse(written.entries()));
        } catch (IOException e) {
            // Kept for this session at least; the message says it was not saved.
            edit.accept(bookmarks);
            log.accept("could not save the bookmarks to " + file.file() + ": " + e.getMessage());
        }
    }

    private static List<GlobalBookmark> parse(Map<String, String> lines) {
        TreeMap<Integer, GlobalBookmark> byNumber = new TreeMap<>();
        lines.forEach((key, value) -> {
            Matcher m = KEY.matcher(key);
            if (m.matches() && m.group(2).equals("name") && !value.isBlank()) {
                String n = m.group(1);
                byNumber.put(Integer.parseInt(n), new GlobalBookmark(value, lines.get(n + ".local"),
                        lines.get(n + ".remote"), lines.get(n + ".site"),
                        "true".equals(lines.getOrDefault(n + ".sync", "false").strip())));
            }
        });
        List<GlobalBookmark> out = new ArrayList<>();
        for (GlobalBookmark b : byNumber.values()) {
            if (indexOf(out, b.name()) < 0) {
                out.add(b);
            }
        }
        return out;
    }

    private static Map<String, String> lines(List<GlobalBookmark> list) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            GlobalBookmark b = list.get(i);
            p.put(i + ".name", b.name());
            if (b.localDir() != null) {
                p.put(i + ".local", b.localDir());
            }
            if (b.remoteDir() != null) {
                p.put(i + ".remote", b.remoteDir());
            }
            if (b.siteId() != null) {
                p.put(i + ".site", b.siteId());
            }
            p.put(i + ".sync", Boolean.toString(b.syncBrowsing()));
        }
        return p;
    }
}
