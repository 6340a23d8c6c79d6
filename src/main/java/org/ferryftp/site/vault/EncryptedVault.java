package org.ferryftp.site.vault;

import org.ferryftp.fs.AtomicFiles;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * Passwords encrypted with AES-256-GCM under a key derived from the master password
 * (PBKDF2-HMAC-SHA256, 600,000 iterations, random salt). Each entry has its own random IV and is
 * bound to its key name, so entries cannot be swapped. The file never holds a secret in plain
 * text; saves are atomic and keep the previous version.
 */
public final class EncryptedVault implements CredentialStore {

    /** The vault's file name inside the config directory. */
    public static final String FILE_NAME = "vault.properties";
    static final int ITERATIONS = 600_000;
    private static final String CHECK = "ferry-vault-check";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final SecretKey key;
    private final Properties entries;

    private EncryptedVault(Path file, SecretKey key, Properties entries) {
        this.file = file;
        this.key = key;
        this.entries = entries;
    }

    /**
     * Opens (or creates) the vault in {@code dir}. A wrong master password ({@link WrongMasterPasswordException})
     * or a damaged file ({@link VaultException}) is reported and the file is left as it was.
     */
    public static EncryptedVault open(Path dir, char[] masterPassword) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IllegalArgumentException e) {
                throw new VaultException("the credential vault " + file + " is damaged (" + e.getMessage() + ")");
            }
            return unlock(file, p, masterPassword, "the credential vault " + file);
        }
        EncryptedVault vault = create(file, masterPassword);
        vault.save();
        return vault;
    }

    /**
     * Seals secrets under a passphrase, in the vault's own format, as text for an export file; nothing is written.
     * {@link #unseal} reads it back.
     */
    public static String seal(java.util.Map<String, String> secrets, char[] passphrase) throws IOException {
        EncryptedVault sealed = create(null, passphrase);
        for (java.util.Map.Entry<String, String> e : secrets.entrySet()) {
            sealed.put(e.getKey(), e.getValue());
        }
        return sealed.text();
    }

    /**
     * The secrets in text made by {@link #seal}.
     *
     * @throws WrongMasterPasswordException when the passphrase is not the one it was sealed with
     */
    public static java.util.Map<String, String> unseal(String text, char[] passphrase) throws IOException {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(text));
        } catch (IllegalArgumentException e) {
            throw new VaultException("the exported passwords are damaged (" + e.getMessage() + ")");
        }
        EncryptedVault vault = unlock(null, p, passphrase, "the exported passwords");
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("entry.")) {
                String name = key.substring("entry.".length());
                out.put(name, vault.get(name).orElseThrow());
            }
        }
        return out;
    }

    /** A new, empty vault for {@code file} (null: kept in memory only). */
    private static EncryptedVault create(Path file, char[] masterPassword) throws VaultException {
        Properties p = new Properties();
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        p.setProperty("kdf", "PBKDF2WithHmacSHA256");
        p.setProperty("iterations", Integer.toString(ITERATIONS));
        p.setProperty("salt", Base64.getEncoder().encodeToString(salt));
        EncryptedVault vault = new EncryptedVault(file, derive(masterPassword, salt, ITERATIONS), p);
        p.setProperty("check", vault.encrypt("check", CHECK));
        return vault;
    }

    /** Checks the key parameters and the password against the check value; {@code what} names it in messages. */
    private static EncryptedVault unlock(Path file, Properties p, char[] masterPassword, String what)
            throws IOException {
        String salt = p.getProperty("salt");
        String check = p.getProperty("check");
        if (salt == null || check == null) {
            throw new VaultException(what + " is damaged (no salt or check value)");
        }
        byte[] saltBytes;
        int iterations;
        try {
            saltBytes = Base64.getDecoder().decode(salt);
            iterations = Integer.parseInt(p.getProperty("iterations", Integer.toString(ITERATIONS)));
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
    public synchronized Optional<String> get(String name) throws IOException {
        String stored = entries.getProperty("entry." + name);
        return stored == null ? Optional.empty() : Optional.of(decrypt("entry." + name, stored));
    }

    /** Every entry, decrypted: name to secret. */
    public synchronized java.util.Map<String, String> all() throws IOException {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String key : entries.stringPropertyNames()) {
            if (key.startsWith("entry.")) {
                out.put(key.substring("entry.".length()), decrypt(key, entries.getProperty(key)));
            }
        }
        return out;
    }

    @Override
    public synchronized void put(String name, String secret) throws IOException {
        entries.setProperty("entry." + name, encrypt("entry." + name, secret));
        save();
    }

    @Override
    public synchronized void remove(String name) throws IOException {
        if (entries.remove("entry." + name) != null) {
            save();
        }
    }

    private String encrypt(String name, String secret) throws VaultException {
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

    private void save() throws IOException {
        if (file != null) {
            AtomicFiles.replace(file, text().getBytes(StandardCharsets.UTF_8));
        }
    }

    private String text() throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        entries.store(text, "Ferry credential vault: AES-256-GCM, key from PBKDF2-HMAC-SHA256");
        return text.toString();
    }
}
