package org.ferryftp.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the saved site named by the text after {@code site:} in a command-line URL, e.g.
 * {@code Production/Deploy box/var/www/index.html}. The text is split at slashes; the longest leading run of
 * segments that equals a site's folder path and name ({@link SiteProfile#path()}) names the site, and the rest is
 * the path on the server. An exact match wins; otherwise a match ignoring case, when only one site matches that way.
 */
public final class SiteLookup {

    /**
     * The site and the path after its name.
     *
     * @param path the rest of the text: "" for none, a leading "/" when the text had "//" after the name
     */
    public record Found(SiteProfile site, String path) {
    }

    private final List<SiteProfile> sites;

    public SiteLookup(List<SiteProfile> sites) {
        this.sites = List.copyOf(sites);
    }

    /** @throws IllegalArgumentException naming close matches when no saved site matches */
    public Found find(String text) {
        String[] segments = text.split("/", -1);
        for (int n = segments.length; n >= 1; n--) {
            String candidate = String.join("/", java.util.Arrays.copyOfRange(segments, 0, n));
            Optional<SiteProfile> site = match(candidate);
            if (site.isPresent()) {
                String rest = n == segments.length ? "" : text.substring(candidate.length() + 1);
                return new Found(site.get(), rest);
            }
        }
        throw new IllegalArgumentException(unknown(text));
    }

    private Optional<SiteProfile> match(String candidate) {
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        List<SiteProfile> exact = sites.stream().filter(s -> s.path().equals(candidate)).toList();
        if (exact.size() == 1) {
            return Optional.of(exact.get(0));
        }
        if (exact.size() > 1) {
            throw new IllegalArgumentException("more than one saved site is called \"" + candidate
                    + "\"; rename one in the site manager");
        }
        List<SiteProfile> loose = sites.stream().filter(s -> s.path().equalsIgnoreCase(candidate)).toList();
        return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }

    private String unknown(String text) {
        if (sites.isEmpty()) {
            return "no saved site matches \"" + text + "\": there are no saved sites (ferry sites list)";
        }
        String wanted = text.toLowerCase(Locale.ROOT);
        List<SiteProfile> close = new ArrayList<>();
        for (SiteProfile s : sites) {
            String path = s.path().toLowerCase(Locale.ROOT);
            String prefix = wanted.length() > path.length() ? wanted.substring(0, path.length()) : wanted;
            if (wanted.contains(s.name().toLowerCase(Locale.ROOT)) || path.contains(prefix)
                    || distance(path, prefix) <= Math.max(2, path.length() / 4)) {
                close.add(s);
            }
        }
        close.sort(Comparator.comparing(SiteProfile::path, String.CASE_INSENSITIVE_ORDER));
        String hint = close.isEmpty() ? "ferry sites list shows them all"
                : "did you mean " + String.join(", ", close.stream().limit(5).map(s -> "\"" + s.path() + "\"").toList())
                + "?";
        return "no saved site matches \"" + text + "\"; " + hint;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
