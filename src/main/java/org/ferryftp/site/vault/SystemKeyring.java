package org.ferryftp.site.vault;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;

import java.io.IOException;
import java.util.Optional;

/** The OS keyring through java-keyring: Secret Service (D-Bus), macOS Keychain or Windows Credential Manager. */
final class SystemKeyring implements OsKeyring {

    private final Keyring keyring;
    private final String name;

    SystemKeyring(Keyring keyring, KeyringStorageType type) {
        this.keyring = keyring;
        this.name = nameOf(type);
    }

    static String nameOf(KeyringStorageType type) {
        return switch (type) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "the macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "the Windows Credential Manager";
            case KWALLET -> "KWallet";
            case GNOME_KEYRING -> "the Secret Service keyring";
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized Optional<String> read(String service, String account) throws IOException {
        try {
            return Optional.of(keyring.getPassword(service, account));
        } catch (PasswordAccessException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw failure("cannot read the password of " + account, e);
        } catch (RuntimeException e) {
            throw failure("cannot read the password of " + account, e);
        }
    }

    @Override
    public synchronized void write(String service, String account, String secret) throws IOException {
        try {
            keyring.setPassword(service, account, secret);
        } catch (PasswordAccessException | RuntimeException e) {
            throw failure("cannot store the password of " + account, e);
        }
    }

    @Override
    public synchronized void delete(String service, String account) throws IOException {
        try {
            keyring.deletePassword(service, account);
        } catch (PasswordAccessException e) {
            if (!isMissing(e)) {
                throw failure("cannot remove the password of " + account, e);
            }
        } catch (RuntimeException e) {
            throw failure("cannot remove the password of " + account, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            keyring.close();
        } catch (Exception e) {
            // Closing the D-Bus connection at shutdown: nothing left to save, nothing to tell.
        }
    }

    /**
     * java-keyring reports "no such entry" only as an exception with a backend-specific message:
     * Secret Service and macOS say "No stored credentials match ...", Windows "Error code 1168" (ERROR_NOT_FOUND).
     */
    static boolean isMissing(PasswordAccessException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.startsWith("No stored credentials match") || m.startsWith("No password to delete")
                || m.equals("Error code 1168") || m.equals("Password not Found");
    }

    private IOException failure(String what, Exception e) {
        return new IOException(name + ": " + what + " (" + describe(e) + ")");
    }

    /**
     * The innermost message of a keyring library's nested exceptions, or the innermost exception's simple name:
     * one short line, no stack trace in Ferry's output.
     */
    static String describe(Throwable t) {
        String message = null;
        Throwable innermost = t;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            innermost = c;
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        return message != null ? message.strip() : innermost.getClass().getSimpleName();
    }
}
