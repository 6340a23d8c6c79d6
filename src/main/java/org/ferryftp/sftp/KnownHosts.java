package org.ferryftp.sftp;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SSH host keys as OpenSSH keeps them: the user's {@code ~/.ssh/known_hosts} (read only, hashed entries included)
 * and Ferry's own file in the same format, where the keys the user trusts in Ferry are added. A key of a type not
 * recorded for the host counts as unknown, as in OpenSSH; a different key of a recorded type is a change.
 */
public final class KnownHosts {

    private final List<Path> readOnly;
    private final Path own;

    /**
     * @param readOnly files read but never written (e.g. {@code ~/.ssh/known_hosts}); missing ones are skipped
     * @param own      Ferry's file, read and appended to
     */
    public KnownHosts(List<Path> readOnly, Path own) {
        this.readOnly = List.copyOf(readOnly);
        this.own = Objects.requireNonNull(own, "own");
    }

    /** The user's OpenSSH file plus Ferry's {@code known_hosts} in its config directory. */
    public static KnownHosts standard(Path configDir) {
        return new KnownHosts(List.of(KnownHostEntry.getDefaultKnownHostsFile()), configDir.resolve("known_hosts"));
    }

    /** OpenSSH's form of a key's fingerprint: {@code SHA256:} and the unpadded base64 of its SHA-256. */
    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }

    public HostKeyVerdict check(String host, int port, PublicKey key) throws IOException {
        String type = KeyUtils.getKeyType(key);
        HostKeyVerdict.Changed changed = null;
        for (Path file : files()) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<KnownHostEntry> entries = KnownHostEntry.readKnownHostEntries(file);
            for (int i = 0; i < entries.size(); i++) {
                KnownHostEntry entry = entries.get(i);
                if (entry.getMarker() != null || !entry.isHostMatch(host, port)) {
                    continue; // @revoked and @cert-authority entries are not plain host keys
                }
                PublicKey recorded = resolve(entry.getKeyEntry());
                if (recorded == null) {
                    continue;
                }
                if (KeyUtils.compareKeys(recorded, key)) {
                    return new HostKeyVerdict.Known();
                }
                if (changed == null && type.equals(KeyUtils.getKeyType(recorded))) {
                    changed = new HostKeyVerdict.Changed(fingerprint(key), fingerprint(recorded),
                            file + " (" + entry.getConfigLine().split("\\s+", 2)[0] + ")");
                }
            }
        }
        return changed != null ? changed : new HostKeyVerdict.Unknown(fingerprint(key));
    }

    /**
     * Records {@code key} for {@code host} and {@code port} in Ferry's own file, as OpenSSH would write it. A key of
     * the same type already recorded there for that host is replaced (the user accepted a changed key), so the old one
     * is not left behind to be trusted again; other lines stay as they are. The file is replaced whole, never half
     * written.
     */
    public synchronized void trust(String host, int port, PublicKey key) throws IOException {
        String name = port == 22 ? host : "[" + host + "]:" + port;
        Path parent = own.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String type = KeyUtils.getKeyType(key);
        StringBuilder text = new StringBuilder();
        if (Files.isRegularFile(own)) {
            for (String line : Files.readAllLines(own, StandardCharsets.UTF_8)) {
                if (!recordsType(line, host, port, type)) {
                    text.append(line).append('\n');
                }
            }
        }
        text.append(name).append(' ').append(PublicKeyEntry.toString(key)).append('\n');
        Path temp = own.resolveSibling(own.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, own, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean recordsType(String line, String host, int port, String type) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return false;
        }
        try {
            KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(trimmed);
            if (entry == null || entry.getMarker() != null || !entry.isHostMatch(host, port)) {
                return false;
            }
            PublicKey recorded = resolve(entry.getKeyEntry());
            return recorded != null && type.equals(KeyUtils.getKeyType(recorded));
        } catch (RuntimeException e) {
            return false; // a line this JVM cannot read is kept as it is
        }
    }

    private List<Path> files() {
        List<Path> all = new ArrayList<>(readOnly);
        all.add(own);
        return all;
    }

    private static PublicKey resolve(AuthorizedKeyEntry entry) {
        if (entry == null) {
            return null;
        }
        try {
            return entry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null; // a key type this JVM cannot read cannot match either
        }
    }
}
