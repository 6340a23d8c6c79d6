package org.ferryftp.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TYPE "auto": files whose extension is listed go as ASCII (TYPE A), everything else as binary
 * (TYPE I). When {@code enabled} is false the site's fixed representation is used for every file.
 *
 * @param enabled    whether the type is chosen per file
 * @param extensions extensions without the dot, lower case (for example {@code txt}, {@code html})
 */
public record AutoAscii(boolean enabled, List<String> extensions) {

    public static final List<String> COMMON_TEXT = List.of("txt", "htm", "html", "css", "js", "xml", "json",
            "md", "csv", "sh", "php", "pl", "py", "ini", "conf", "cfg");

    /** Off: the fixed representation decides (binary by default). */
    public static final AutoAscii OFF = new AutoAscii(false, COMMON_TEXT);

    public AutoAscii {
        List<String> clean = new ArrayList<>();
        for (String e : extensions == null ? List.<String>of() : extensions) {
            String x = e == null ? "" : e.strip().toLowerCase(Locale.ROOT);
            while (x.startsWith(".")) {
                x = x.substring(1);
            }
            if (!x.isEmpty() && !clean.contains(x)) {
                clean.add(x);
            }
        }
        extensions = List.copyOf(clean);
    }

    /** Parses "txt, html .css" (commas, spaces or semicolons between extensions). */
    public static AutoAscii parse(boolean enabled, String list) {
        return new AutoAscii(enabled, List.of((list == null ? "" : list).split("[,;\\s]+")));
    }

    /** True when a file of this name goes as ASCII. */
    public boolean isAscii(String fileName) {
        if (!enabled || fileName == null) {
            return false;
        }
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && dot < fileName.length() - 1
                && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The list as the user edits it: "txt, html, css". */
    public String joined() {
        return String.join(", ", extensions);
    }
}
