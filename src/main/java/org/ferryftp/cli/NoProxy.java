package org.ferryftp.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hosts reached without a proxy, as curl names them: {@code --noproxy LIST}, else the NO_PROXY (or no_proxy)
 * environment variable. The list is comma-separated; {@code *} alone means every host; a name matches itself and
 * its subdomains ({@code example.com} and {@code .example.com} both match {@code ftp.example.com}); an address
 * matches only itself (IPv6 with or without brackets).
 */
record NoProxy(List<String> entries) {

    static final NoProxy NONE = new NoProxy(List.of());

    NoProxy {
        entries = List.copyOf(entries);
    }

    static NoProxy parse(String list) {
        if (list == null) {
            return NONE;
        }
        return new NoProxy(Arrays.stream(list.split(",")).map(NoProxy::normal).filter(e -> !e.isEmpty()).toList());
    }

    /** {@code --noproxy} wins over the environment, as in curl. */
    static NoProxy of(String option, Map<String, String> env) {
        if (option != null) {
            return parse(option);
        }
        String fromEnv = env.get("NO_PROXY");
        return parse(fromEnv != null ? fromEnv : env.get("no_proxy"));
    }

    boolean bypasses(String host) {
        String h = normal(host);
        for (String e : entries) {
            if (e.equals("*") || h.equals(e)) {
                return true;
            }
            if (!h.contains(":") && !h.matches("[0-9.]+") && h.endsWith("." + e)) {
                return true;
            }
        }
        return false;
    }

    private static String normal(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        t = t.startsWith(".") ? t.substring(1) : t;
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.endsWith(".") && !t.equals(".") ? t.substring(0, t.length() - 1) : t;
    }
}
