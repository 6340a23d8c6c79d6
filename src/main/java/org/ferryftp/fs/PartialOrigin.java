package org.ferryftp.fs;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a partial download came from: the site (its id, and host, port and user as its
 * {@link SiteRef} gives them), the remote path, and the remote size and modification time when it
 * started. A partial is continued only while all of these still hold, so the start of one version is
 * never joined to the tail of another.
 *
 * @param size     remote size in bytes, or -1 when the server did not say
 * @param modified remote modification time (MDTM or listing), or null when the server did not say
 */
public record PartialOrigin(String siteId, String host, int port, String user, String path, long size,
                            Instant modified) {

    public PartialOrigin {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(path, "path");
    }

    /*
     * equals, hashCode and toString are written out: a record's generated ones are bootstrapped through
     * java.lang.runtime.ObjectMethods on their first call, which costs a cold JVM (a command-line download, which
     * compares origins once) some 20-50 ms of method-handle set-up and compilation.
     */

    @Override
    public boolean equals(Object o) {
        return o instanceof PartialOrigin other && siteId.equals(other.siteId) && host.equals(other.host)
                && port == other.port && user.equals(other.user) && path.equals(other.path) && size == other.size
                && Objects.equals(modified, other.modified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(siteId, host, port, user, path, size, modified);
    }

    @Override
    public String toString() {
        return "PartialOrigin[siteId=" + siteId + ", host=" + host + ", port=" + port + ", user=" + user + ", path="
                + path + ", size=" + size + ", modified=" + modified + "]";
    }

    public static PartialOrigin of(SiteRef site, String path, long size, Instant modified) {
        return new PartialOrigin(site.id(), site.endpoint().host(), site.endpoint().port(),
                site.endpoint().user(), path, size, modified);
    }

    /**
     * Why a partial written for {@code this} origin cannot be continued as a download of {@code now},
     * or empty when it can: same site and path, and the size known on both sides and equal, and the
     * time equal (when the server gives no time now, and gave none then, the size alone decides).
     */
    public Optional<String> differenceFrom(PartialOrigin now) {
        if (!siteId.equals(now.siteId) || !host.equalsIgnoreCase(now.host) || port != now.port
                || !user.equals(now.user)) {
            return Optional.of("another site (" + describeSite() + ")");
        }
        if (!path.equals(now.path)) {
            return Optional.of("another file (" + path + ")");
        }
        if (size < 0 || now.size < 0) {
            return Optional.of(now.path + ", but its size is not known to compare");
        }
        List<String> differ = new ArrayList<>();
        if (size != now.size) {
            differ.add("size");
        }
        if (!Objects.equals(modified, now.modified)) {
            differ.add("time");
        }
        return differ.isEmpty() ? Optional.empty()
                : Optional.of("an older version of " + now.path + " (" + String.join("/", differ)
                        + (differ.size() == 1 ? " differs)" : " differ)"));
    }

    private String describeSite() {
        return user + "@" + host + ":" + port;
    }

    /**
     * The origin as a small properties text, in a fixed order and without the time {@link Properties#store} would
     * write: that date's zone name loads the JDK's locale data, ~20 ms of a command-line download's start.
     */
    public byte[] encode() {
        StringBuilder text = new StringBuilder("#Ferry: where the partial download beside this file came from\n");
        property(text, "site.id", siteId);
        property(text, "site.host", host);
        property(text, "site.port", Integer.toString(port));
        property(text, "site.user", user);
        property(text, "path", path);
        property(text, "size", Long.toString(size));
        if (modified != null) {
            property(text, "modified", modified.toString());
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One {@code key=value} line, the value escaped as {@link Properties#store(java.io.Writer, String)} does. */
    private static void property(StringBuilder text, String key, String value) {
        text.append(key).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case ' ' -> text.append(i == 0 ? "\\ " : " "); // only a leading space would be dropped
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\f' -> text.append("\\f");
                case '\\', '=', ':', '#', '!' -> text.append('\\').append(c);
                default -> text.append(c);
            }
        }
        text.append('\n');
    }

    /** Reads an origin written by {@link #encode()}; empty when the text is damaged or incomplete. */
    public static Optional<PartialOrigin> decode(Reader in) throws IOException {
        Properties p = new Properties();
        try {
            p.load(in);
            String modified = p.getProperty("modified");
            return Optional.of(new PartialOrigin(p.getProperty("site.id"), p.getProperty("site.host"),
                    Integer.parseInt(p.getProperty("site.port")), p.getProperty("site.user"), p.getProperty("path"),
                    Long.parseLong(p.getProperty("size")), modified == null ? null : Instant.parse(modified)));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
