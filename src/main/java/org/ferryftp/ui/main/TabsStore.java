package org.ferryftp.ui.main;

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
 * The panes' tabs across restarts, in {@code tabs.properties} in the config directory ({@link ConfigProperties}):
 * per side, each tab's site id (none for the local disk) and folder, in order, and which tab is selected. Never a
 * password: a tab is only a site id and a path. A damaged file is kept aside, reported in one line, and the window
 * starts with its default layout.
 */
final class TabsStore {

    /** A tab as remembered: {@code siteId} null for the local disk; {@code path} null for the source's home. */
    record SavedTab(String siteId, String path) {
    }

    /** One side's tabs in order, and the index of the selected one. */
    record SavedSide(List<SavedTab> tabs, int selected) {

        SavedSide {
            tabs = List.copyOf(tabs);
            selected = tabs.isEmpty() ? 0 : Math.max(0, Math.min(selected, tabs.size() - 1));
        }

        static final SavedSide NONE = new SavedSide(List.of(), 0);
    }

    /** Both sides; a side without tabs starts as the window's default. */
    record SavedTabs(SavedSide left, SavedSide right) {

        static final SavedTabs NONE = new SavedTabs(SavedSide.NONE, SavedSide.NONE);
    }

    private static final Pattern KEY = Pattern.compile("(left|right)\\.(?:(\\d{1,3})\\.(site|path)|selected)");

    private final ConfigProperties file;
    private final Consumer<String> problems;

    /** @param problems receives one line when the file is damaged or cannot be read or written */
    TabsStore(Path file, Consumer<String> problems, Clock clock) {
        this.file = new ConfigProperties(file, "the remembered tabs", "Ferry's tabs: each pane's sites and folders",
                TabsStore::problem, clock);
        this.problems = problems;
    }

    private static String problem(String key, String value) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return "not part of a tab";
        }
        if (m.group(2) == null && !value.strip().matches("\\d{1,3}")) {
            return "the selected tab is " + value + ", not a number";
        }
        return null;
    }

    /** The tabs as last saved; none (the default layout) when there are none or the file is damaged. */
    SavedTabs load() {
        try {
            ConfigProperties.Read read = file.read();
            if (read.problem().isPresent()) {
                problems.accept(read.problem().get() + "; the panes start with one tab each");
                return SavedTabs.NONE;
            }
            return new SavedTabs(side(read.entries(), "left"), side(read.entries(), "right"));
        } catch (IOException e) {
            problems.accept("the remembered tabs " + file.file() + " could not be read (" + e.getMessage()
                    + "); the panes start with one tab each");
            return SavedTabs.NONE;
        }
    }

    private static SavedSide side(Map<String, String> entries, String side) {
        TreeMap<Integer, String[]> byNumber = new TreeMap<>();
        entries.forEach((key, value) -> {
            Matcher m = KEY.matcher(key);
            if (m.matches() && m.group(1).equals(side) && m.group(2) != null) {
                String[] tab = byNumber.computeIfAbsent(Integer.parseInt(m.group(2)), n -> new String[2]);
                tab[m.group(3).equals("site") ? 0 : 1] = value.isBlank() ? null : value;
            }
        });
        List<SavedTab> tabs = new ArrayList<>();
        byNumber.values().forEach(t -> tabs.add(new SavedTab(t[0], t[1])));
        String selected = entries.getOrDefault(side + ".selected", "0").strip();
        return new SavedSide(tabs, Integer.parseInt(selected));
    }

    /** Replaces what is remembered; a failure is reported, never thrown at the closing window. */
    void save(SavedTabs tabs) {
        try {
            file.update(lines -> {
                lines.clear();
                lines.putAll(lines("left", tabs.left()));
                lines.putAll(lines("right", tabs.right()));
            }).problem().ifPresent(problems);
        } catch (IOException e) {
            problems.accept("could not save the tabs to " + file.file() + ": " + e.getMessage());
        }
    }

    private static Map<String, String> lines(String side, SavedSide saved) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(side + ".selected", Integer.toString(saved.selected()));
        for (int i = 0; i < saved.tabs().size(); i++) {
            SavedTab t = saved.tabs().get(i);
            if (t.siteId() != null) {
                out.put(side + "." + i + ".site", t.siteId());
            }
            out.put(side + "." + i + ".path", t.path() == null ? "" : t.path());
        }
        return out;
    }
}
