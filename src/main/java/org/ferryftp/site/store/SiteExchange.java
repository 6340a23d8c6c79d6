package org.ferryftp.site.store;

import org.ferryftp.fs.AtomicFiles;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.vault.EncryptedVault;
import org.ferryftp.site.vault.VaultException;
import org.ferryftp.site.vault.WrongMasterPasswordException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Ferry's own export file: the same JSON as {@code sites.json} (schema version {@link SiteJson#VERSION}), so an
 * export, a backup or a copied {@code sites.json} can all be imported. Passwords are included only when asked for,
 * and then never in plain text: they are sealed under a passphrase the user chooses for the export, with the
 * credential vault's own encryption ({@link EncryptedVault#seal}: AES-256-GCM, PBKDF2-HMAC-SHA256 key).
 */
public final class SiteExchange {

    /**
     * What an export file holds.
     *
     * @param sealedPasswords the passwords by site id, sealed under the export's passphrase; null when none
     */
    public record Contents(List<SiteProfile> sites, List<List<String>> folders, String sealedPasswords) {

        public boolean hasPasswords() {
            return sealedPasswords != null;
        }

        /**
         * The passwords by the ids in {@link #sites}; empty when the file has none.
         *
         * @throws WrongMasterPasswordException when the passphrase is not the export's
         */
        public Map<String, String> passwords(char[] passphrase) throws IOException {
            return sealedPasswords == null ? Map.of() : EncryptedVault.unseal(sealedPasswords, passphrase);
        }
    }

    private SiteExchange() {
    }

    /** Contents without passwords. */
    public static Contents of(List<SiteProfile> sites, List<List<String>> folders) {
        return new Contents(sites, folders, null);
    }

    /** Contents with the passwords (by site id) sealed under {@code passphrase}. */
    public static Contents withPasswords(List<SiteProfile> sites, List<List<String>> folders,
                                         Map<String, String> passwords, char[] passphrase) throws IOException {
        if (passphrase.length == 0) {
            throw new VaultException("the passphrase for the exported passwords cannot be empty");
        }
        return new Contents(sites, folders, EncryptedVault.seal(passwords, passphrase));
    }

    /** Writes the file atomically (temporary file, fsync, rename). */
    public static void write(Path file, Contents contents) throws IOException {
        byte[] bytes = SiteJson.write(contents.sites(), contents.folders(), contents.sealedPasswords())
                .getBytes(StandardCharsets.UTF_8);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.replace(file, bytes);
    }

    /** A site file's largest size; about 30,000 sites, and a size whose parsed tree fits a small heap. */
    static final int MAX_BYTES = 16 << 20;

    /** The text of a site file (an export or {@code sites.json}), refusing one too large or not UTF-8. */
    static String text(Path file) throws IOException {
        byte[] bytes = AtomicFiles.readAtMost(file, MAX_BYTES, "a site file");
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not a Ferry site file (not UTF-8 text)");
        }
    }

    /** Reads an export (or a {@code sites.json}); a file that is not one fails with a one-line reason. */
    public static Contents read(Path file) throws IOException {
        String text = text(file);
        try {
            SiteJson.Document doc = SiteJson.read(text);
            return new Contents(doc.sites(), doc.folders(), doc.sealedPasswords());
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new IOException(file + " is not a readable Ferry site file: " + why);
        }
    }
}
