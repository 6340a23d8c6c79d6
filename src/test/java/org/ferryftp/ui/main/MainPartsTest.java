package org.ferryftp.ui.main;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Window-state file, quick connect parsing, theme detection. */
class MainPartsTest {

    @Test
    void windowStateRoundTrips(@TempDir Path dir) {
        WindowStateStore store = new WindowStateStore(dir.resolve("sub/window.properties"));
        WindowState s = new WindowState(10, 20, 1000, 700, true, new double[] {0.15, 0.7},
                new boolean[] {true, false}, 0.4, new double[] {0.2, 0.35},
                Map.of("left.name", 300.0, "right.size", 77.0));
        assertNull(store.save(s));
        WindowState back = store.load();
        assertEquals(10, back.x());
        assertEquals(700, back.height());
        assertTrue(back.maximized());
        assertEquals(0.4, back.paneDivider());
        assertArrayEquals(new double[] {0.15, 0.7}, back.mainDividers());
        assertArrayEquals(new boolean[] {true, false}, back.expanded());
        assertArrayEquals(new double[] {0.2, 0.35}, back.treeDividers());
        assertEquals(Map.of("left.name", 300.0, "right.size", 77.0), back.columnWidths());
    }

    @Test
    void corruptOrMissingStateGivesDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("window.properties");
        assertEquals(WindowState.defaults().width(), new WindowStateStore(f).load().width());
        Files.write(f, new byte[] {'w', 'i', 'd', 't', 'h', '=', '\\', 'u', 'z', 'z', (byte) 0xff, 0, 1});
        WindowState s = new WindowStateStore(f).load();
        assertEquals(WindowState.defaults().width(), s.width());
        Files.writeString(f, "width=NaN\nheight=-5\ndivider.panes=7\ncolumn.left.name=abc\nx=1e99\n");
        s = new WindowStateStore(f).load();
        assertEquals(WindowState.defaults().width(), s.width());
        assertEquals(WindowState.defaults().height(), s.height());
        assertEquals(0.5, s.paneDivider());
        assertTrue(s.columnWidths().isEmpty());
        assertTrue(Double.isNaN(s.x()));
    }

    @Test
    void quickConnectBuildsAnAdHocSite() {
        QuickConnect.Result r = QuickConnect.parse(" ftp://files.example.org/ ", "2121", "ann", "pw");
        assertNull(r.errorKey());
        assertEquals("files.example.org", r.site().settings().host());
        assertEquals(2121, r.site().settings().port());
        assertEquals("ann", r.site().settings().credentials().user());
        assertEquals("quick:ann@files.example.org:2121", r.site().id());
        QuickConnect.Result anon = QuickConnect.parse("h", "", "", "");
        assertTrue(anon.site().settings().credentials().isAnonymous());
        assertEquals(21, anon.site().settings().port());
        assertEquals("quick.badHost", QuickConnect.parse("", "21", "", "").errorKey());
        assertEquals("quick.badPort", QuickConnect.parse("h", "70000", "", "").errorKey());
        assertEquals("quick.badPort", QuickConnect.parse("h", "x", "", "").errorKey());
    }

    @Test
    void themeFollowsTheDesktopWhereReadable() {
        OsTheme.CommandRunner none = c -> java.util.Optional.empty();
        assertTrue(new OsTheme(Map.of("GTK_THEME", "Adwaita:dark"), "Linux", none).prefersDark());
        assertFalse(new OsTheme(Map.of("GTK_THEME", "Adwaita"), "Linux", none).prefersDark());
        assertFalse(new OsTheme(Map.of(), "Linux", none).prefersDark());
        assertFalse(new OsTheme(Map.of("GTK_THEME", "Adwaita:dark", "FERRY_THEME", "light"), "Linux", none).prefersDark());
        assertTrue(new OsTheme(Map.of("FERRY_THEME", "dark"), "Linux", none).prefersDark());
        // What the OS tools answer when the user chose a dark appearance.
        assertTrue(new OsTheme(Map.of(), "Linux", c -> java.util.Optional.of(
                c.contains("color-scheme") ? "'prefer-dark'\n" : "'Adwaita'\n")).prefersDark());
        assertFalse(new OsTheme(Map.of(), "Linux", c -> java.util.Optional.of("'default'\n")).prefersDark());
        assertTrue(new OsTheme(Map.of(), "Mac OS X", c -> java.util.Optional.of("Dark\n")).prefersDark());
        assertTrue(new OsTheme(Map.of(), "Windows 11", c -> java.util.Optional.of(
                "    AppsUseLightTheme    REG_DWORD    0x0\n")).prefersDark());
        assertFalse(new OsTheme(Map.of(), "Windows 11", c -> java.util.Optional.of(
                "    AppsUseLightTheme    REG_DWORD    0x1\n")).prefersDark());
        // A tool that is missing here: light, and no delay worth noticing.
        assertFalse(new OsTheme(Map.of(), "Linux", OsTheme.system()).prefersDark());
    }
}
