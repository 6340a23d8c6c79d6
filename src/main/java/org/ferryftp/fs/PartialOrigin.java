package org.ferryftp.fs;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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

    /** The origin as a small properties text. */
    public byte[] encode() {
        Properties p = new Properties();
        p.setProperty("site.id", siteId);
        p.setProperty("site.host", host);
        p.setProperty("site.port", Integer.toString(port));
        p.setProperty("site.user", user);
        p.setProperty("path", path);
        p.setProperty("size", Long.toString(size));
        if (modified != null) {
            p.setProperty("modified", modified.toString());
        }
        StringWriter out = new StringWriter();
        try {
            p.store(out, "Ferry: where the partial download beside this file came from");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
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
