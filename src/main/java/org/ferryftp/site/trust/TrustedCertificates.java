package org.ferryftp.site.trust;

import org.ferryftp.fs.AtomicFiles;
import org.ferryftp.ftp.ServerCertificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Certificates the user trusted, per site: one SHA-256 fingerprint per site id, in a properties file
 * next to the site store (no secrets in it). Certificates trusted "once" are kept in memory only.
 * Saves are atomic; a failed save keeps the previous file.
 */
public final class TrustedCertificates {

    private final Path file;
    private final Properties always = new Properties();
    private final Set<String> once = new HashSet<>();
    private final Object questions = new Object();
    private String loadProblem;

    public TrustedCertificates(Path file) {
        this.file = file;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            always.load(r);
        } catch (NoSuchFileException e) {
            // Nothing trusted yet.
        } catch (IOException | IllegalArgumentException e) {
            loadProblem = "cannot read the trusted certificates in " + file + " (" + e.getMessage()
                    + "); Ferry will ask again about self-signed certificates";
            always.clear();
        }
    }

    /** Held while the user is asked, so parallel connections to a site put one question at a time. */
    Object questionLock() {
        return questions;
    }

    /** A message for the log when the file could not be read, else empty. */
    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    /** The fingerprint trusted for the site for good, if any. */
    public synchronized Optional<String> trusted(String siteId) {
        return Optional.ofNullable(always.getProperty(siteId));
    }

    /** True when this certificate was trusted for the site, for good or for this run. */
    public synchronized boolean isTrusted(String siteId, String fingerprint) {
        String f = ServerCertificate.normalizeFingerprint(fingerprint);
        String stored = always.getProperty(siteId);
        return (stored != null && ServerCertificate.normalizeFingerprint(stored).equals(f))
                || once.contains(siteId + " " + f);
    }

    public synchronized void trustOnce(String siteId, String fingerprint) {
        once.add(siteId + " " + ServerCertificate.normalizeFingerprint(fingerprint));
    }

    /** Remembers the certificate for the site (replacing an earlier one) and saves. */
    public synchronized void trustAlways(String siteId, String fingerprint) throws IOException {
        trustOnce(siteId, fingerprint);
        String before = always.getProperty(siteId);
        always.setProperty(siteId, fingerprint);
        try {
            save();
        } catch (IOException e) {
            if (before == null) {
                always.remove(siteId);
            } else {
                always.setProperty(siteId, before);
            }
            throw e;
        }
    }

    /** Forgets the site's certificates (e.g. when the site is deleted). */
    public synchronized void forget(String siteId) throws IOException {
        once.removeIf(k -> k.startsWith(siteId + " "));
        if (always.remove(siteId) != null) {
            save();
        }
    }

    private void save() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        always.store(out, "Ferry: server certificates trusted per site (site id = SHA-256 fingerprint)");
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.replace(file, out.toByteArray());
    }
}
