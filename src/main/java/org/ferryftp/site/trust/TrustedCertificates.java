package org.ferryftp.site.trust;

import org.ferryftp.fs.ConfigProperties;
import org.ferryftp.ftp.ServerCertificate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Certificates the user trusted, per site: one SHA-256 fingerprint per site id, in a properties file
 * next to the site store (no secrets in it). Certificates trusted "once" are kept in memory only.
 * Each change is made under the file's lock on the file as it is now (another Ferry's decisions are kept), and
 * saved atomically; a damaged line costs only itself: the file is kept aside and the problem reported.
 */
public final class TrustedCertificates {

    private static final Pattern FINGERPRINT = Pattern.compile("(?i)(SHA256:)?[0-9A-F:\\s]+");

    private final ConfigProperties file;
    private final Map<String, String> always = new HashMap<>();
    private final Set<String> once = new HashSet<>();
    private final Object questions = new Object();
    private String loadProblem;

    public TrustedCertificates(Path file) {
        this(file, Clock.systemUTC());
    }

    /** @param clock stamps the name a damaged file is kept aside under */
    public TrustedCertificates(Path file, Clock clock) {
        this.file = new ConfigProperties(file, "the trusted certificates",
                "Ferry: server certificates trusted per site (site id = SHA-256 fingerprint)",
                TrustedCertificates::problem, clock);
        try {
            ConfigProperties.Read read = this.file.read();
            always.putAll(read.entries());
            loadProblem = read.problem().map(p -> p + "; Ferry will ask again about those sites' certificates")
                    .orElse(null);
        } catch (IOException e) {
            loadProblem = "cannot read the trusted certificates in " + file + " (" + e.getMessage()
                    + "); Ferry will ask again about self-signed certificates";
        }
    }

    /** Why a line is not a site id and a SHA-256 fingerprint, or null. */
    private static String problem(String siteId, String fingerprint) {
        if (siteId.isBlank() || !FINGERPRINT.matcher(fingerprint.strip()).matches()
                || ServerCertificate.normalizeFingerprint(fingerprint).length() != 64) {
            return "not a site id and a SHA-256 fingerprint";
        }
        return null;
    }

    /** Held while the user is asked, so parallel connections to a site put one question at a time. */
    Object questionLock() {
        return questions;
    }

    /** A message (with the file's path) when the file could not be read or had damaged lines, else empty. */
    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    /** The fingerprint trusted for the site for good, if any. */
    public synchronized Optional<String> trusted(String siteId) {
        return Optional.ofNullable(always.get(siteId));
    }

    /** True when this certificate was trusted for the site, for good or for this run. */
    public synchronized boolean isTrusted(String siteId, String fingerprint) {
        String f = ServerCertificate.normalizeFingerprint(fingerprint);
        String stored = always.get(siteId);
        return (stored != null && ServerCertificate.normalizeFingerprint(stored).equals(f))
                || once.contains(siteId + " " + f);
    }

    public synchronized void trustOnce(String siteId, String fingerprint) {
        once.add(siteId + " " + ServerCertificate.normalizeFingerprint(fingerprint));
    }

    /** Remembers the certificate for the site (replacing an earlier one) and saves. */
    public synchronized void trustAlways(String siteId, String fingerprint) throws IOException {
        trustOnce(siteId, fingerprint);
        update(entries -> entries.put(siteId, fingerprint));
    }

    /** Forgets the site's certificates (e.g. when the site is deleted). */
    public synchronized void forget(String siteId) throws IOException {
        once.removeIf(k -> k.startsWith(siteId + " "));
        if (always.containsKey(siteId)) {
            update(entries -> entries.remove(siteId));
        }
    }

    /** Changes the file as it is on disk now, and takes what it then holds (others' decisions included). */
    private void update(ConfigProperties.Change change) throws IOException {
        ConfigProperties.Read written = file.update(change);
        always.clear();
        always.putAll(written.entries());
        written.problem().ifPresent(p -> loadProblem = p);
    }
}
