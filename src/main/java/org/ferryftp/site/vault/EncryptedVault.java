package org.ferryftp.site.vault;

import org.ferryftp.fs.ConfigLock;
import org.ferryftp.fs.ConfigProperties;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Passwords encrypted with AES-256-GCM under a key derived from the master password
 * (PBKDF2-HMAC-SHA256, 600,000 iterations, random salt). Each entry has its own random IV and is
 * bound to its key name, so entries cannot be swapped. The file never holds a secret in plain
 * text. Every change is made under the file's lock on the file as it is now (another process's passwords are
 * kept), and saved atomically keeping the previous version.
 */
public final class EncryptedVault implements CredentialStore {

    /** The vault's file name inside the config directory. */
    public static final String FILE_NAME = "vault.properties";
    static final int ITERATIONS = 600_000;
    private static final String CHECK = "ferry-vault-check";
    private static final String COMMENT = "Ferry credential vault: AES-256-GCM, key from PBKDF2-HMAC-SHA256";
    private static final List<String> HEADER = List.of("kdf", "iterations", "salt", "check");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The file, or null for a vault kept in memory only (a seal). */
    private final ConfigProperties file;
    private final SecretKey key;
    /** The key parameters and check value this key belongs to. */
    private final Map<String, String> header;
    /** All lines as last read or written (a file-backed vault reads the file again for each use). */
    private volatile Map<String, String> entries;
    private Optional<String> problem = Optional.empty();

    private EncryptedVault(ConfigProperties file, SecretKey key, Map<String, String> entries) {
        this.file = file;
        this.key = key;
        this.entries = Map.copyOf(entries);
        Map<String, String> h = new LinkedHashMap<>();
        HEADER.forEach(k -> {
            if (entries.containsKey(k)) {
                h.put(k, entries.get(k));
            }
        });
        this.header = h;
    }

    /**
     * Opens (or creates) the vault in {@code dir}. A wrong master password ({@link WrongMasterPasswordException})
     * or a damaged file ({@link VaultException}) is reported and the file is left as it was; a damaged line costs
     * only that line (see {@link #problem}).
     */
    public static EncryptedVault open(Path dir, char[] masterPassword) throws IOException {
        return open(dir, masterPassword, Clock.systemUTC());
    }

    /** @param clock stamps the name a damaged file is kept aside under */
    public static EncryptedVault open(Path dir, char[] masterPassword, Clock clock) throws IOException {
        Path path = dir.resolve(FILE_NAME);
        ConfigProperties file = new ConfigProperties(path, "the credential vault", COMMENT, EncryptedVault::lineProblem, clock);
        // Under the lock, so that two processes creating the vault at once make one vault, not two.
        try (ConfigLock.Held held = ConfigLock.acquire(path)) {
            if (Files.exists(path)) {
                ConfigProperties.Read read = file.read();
                EncryptedVault vault = unlock(file, read.entries(), masterPassword, "the credential vault " + path);
                vault.problem = read.problem();
                return vault;
            }
            EncryptedVault vault = create(file, masterPassword);
            vault.change(entries -> { });
            return vault;
        }
    }

    /**
     * Why a line is not an encrypted entry, or null. The key parameters are checked when the vault is unlocked:
     * without them nothing opens, so the file is then left exactly as it is.
     */
    private static String lineProblem(String key, String value) {
        if (!key.startsWith("entry.")) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value).length < 12 + 16 ? "not an encrypted entry" : null;
        } catch (IllegalArgumentException e) {
            return "not an encrypted entry";
        }
    }

    /** What was wrong with the file when it was opened (damaged lines, kept aside with the file), if anything. */
    public Optional<String> problem() {
        return problem;
    }

    /**
     * Seals secrets under a passphrase, in the vault's own format, as text for an export file; nothing is written.
     * {@link #unseal} reads it back.
     */
    public static String seal(Map<String, String> secrets, char[] passphrase) throws IOException {
        EncryptedVault sealed = create(null, passphrase);
        for (Map.Entry<String, String> e : secrets.entrySet()) {
            sealed.put(e.getKey(), e.getValue());
        }
        return sealed.text();
    }

    /**
     * The secrets in text made by {@link #seal}.
     *
     * @throws WrongMasterPasswordException when the passphrase is not the one it was sealed with
     */
    public static Map<String, String> unseal(String text, char[] passphrase) throws IOException {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(text));
        } catch (IllegalArgumentException e) {
            throw new VaultException("the exported passwords are damaged (" + e.getMessage() + ")");
        }
        Map<String, String> lines = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> lines.put(k, p.getProperty(k)));
        return unlock(null, lines, passphrase, "the exported passwords").all();
    }

    /** A new, empty vault for {@code file} (null: kept in memory only). */
    private static EncryptedVault create(ConfigProperties file, char[] masterPassword) throws VaultException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        SecretKey key = derive(masterPassword, salt, ITERATIONS);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kdf", "PBKDF2WithHmacSHA256");
        p.put("iterations", Integer.toString(ITERATIONS));
        p.put("salt", Base64.getEncoder().encodeToString(salt));
        p.put("check", encrypt(key, "check", CHECK));
        return new EncryptedVault(file, key, p);
    }

    /** Checks the key parameters and the password against the check value; {@code what} names it in messages. */
    private static EncryptedVault unlock(ConfigProperties file, Map<String, String> p, char[] masterPassword,
                                         String what) throws IOException {
        String salt = p.get("salt");
        String check = p.get("check");
        if (salt == null || check == null) {
            throw new VaultException(what + " is damaged (no salt or check value)");
        }
        byte[] saltBytes;
        int iterations;
        try {
            saltBytes = Base64.getDecoder().decode(salt);
            iterations = Integer.parseInt(p.getOrDefault("iterations", Integer.toString(ITERATIONS)));
        } catch (IllegalArgumentException e) {
            throw new VaultException(what + " is damaged (bad salt or iteration count)");
        }
        if (iterations < ITERATIONS || saltBytes.length < 16) {
            throw new VaultException(what + " is damaged (weak key parameters)");
        }
        EncryptedVault vault = new EncryptedVault(file, derive(masterPassword, saltBytes, iterations), p);
        String checked;
        try {
            checked = vault.decrypt("check", check);
        } catch (VaultException e) {
            checked = null;
        }
        if (!CHECK.equals(checked)) {
            throw new WrongMasterPasswordException();
        }
        return vault;
    }

    @Override
    public Optional<String> get(String name) throws IOException {
        String stored = current().get("entry." + name);
        return stored == null ? Optional.empty() : Optional.of(decrypt("entry." + name, stored));
    }

    /** Every entry, decrypted: name to secret. */
    public Map<String, String> all() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : current().entrySet()) {
            if (e.getKey().startsWith("entry.")) {
                out.put(e.getKey().substring("entry.".length()), decrypt(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    @Override
    public void put(String name, String secret) throws IOException {
        String sealed = encrypt("entry." + name, secret);
        change(lines -> lines.put("entry." + name, sealed));
    }

    @Override
    public void remove(String name) throws IOException {
        change(lines -> lines.remove("entry." + name));
    }

    /** The lines as the file holds them now, so that passwords another process stored meanwhile are seen. */
    private Map<String, String> current() throws IOException {
        if (file != null) {
            Map<String, String> now = file.read().entries();
            requireSameVault(now);
            entries = now;
        }
        return entries;
    }

    /**
     * Changes the vault's lines as the file holds them now and writes them atomically, under the file's lock, which
     * is the only lock a vault takes (a monitor as well could deadlock with a caller holding the file's lock).
     */
    private void change(ConfigProperties.Change change) throws IOException {
        if (file == null) {
            Map<String, String> lines = new LinkedHashMap<>(entries);
            change.apply(lines);
            entries = lines;
            return;
        }
        entries = file.update(lines -> {
            requireSameVault(lines);
            if (lines.isEmpty()) {
                lines.putAll(header); // the file was removed meanwhile: it is made again with this key
            }
            change.apply(lines);
        }).entries();
    }

    /** Refuses a file that now holds another vault (another key): this key's entries would not open in it. */
    private void requireSameVault(Map<String, String> lines) throws VaultException {
        if (!lines.isEmpty() && HEADER.stream().anyMatch(k -> !java.util.Objects.equals(lines.get(k), header.get(k)))) {
            throw new VaultException("the credential vault " + file.file() + " was replaced by another vault while "
                    + "Ferry was running; start Ferry again to use it");
        }
    }

    private String encrypt(String name, String secret) throws VaultException {
        return encrypt(key, name, secret);
    }

    private static String encrypt(SecretKey key, String name, String secret) throws VaultException {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot encrypt: " + e.getMessage());
        }
    }

    private String decrypt(String name, String stored) throws VaultException {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new VaultException("the vault entry " + name + " does not decrypt: the vault file was changed "
                    + "outside Ferry; enter that password again");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new VaultException("the vault entry " + name + " is damaged (" + e.getMessage() + ")");
        }
    }

    private static SecretKey derive(char[] password, byte[] salt, int iterations) throws VaultException {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            SecretKey k = new SecretKeySpec(raw, "AES");
            Arrays.fill(raw, (byte) 0);
            return k;
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot derive the vault key: " + e.getMessage());
        }
    }

    private String text() throws IOException {
        Properties p = new Properties();
        p.putAll(entries);
        java.io.StringWriter text = new java.io.StringWriter();
        p.store(text, COMMENT);
        return text.toString();
    }
}
