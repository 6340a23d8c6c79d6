package org.ferryftp.site.vault;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Looks for the OS keyring: the Secret Service on Linux and other Unix systems, the Keychain on macOS, the
 * Credential Manager on Windows. Without a D-Bus session ({@code DBUS_SESSION_BUS_ADDRESS} unset, as on a
 * headless server or over plain SSH) the answer is "unreachable" at once. Otherwise the keyring is opened and
 * one harmless entry looked up on a daemon thread; if that does not answer within the time limit (a bus that
 * never replies, an unlock prompt nobody sees) the keyring counts as unreachable. Failures become one line of
 * text, never a stack trace.
 */
public final class SystemKeyringProbe implements KeyringProbe {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final String BUS_VARIABLE = "DBUS_SESSION_BUS_ADDRESS";
    static final String PROBE_ACCOUNT = "ferry-keyring-probe";

    private final Map<String, String> env;
    private final String osName;
    private final Duration timeout;

    /**
     * @param env     the process environment (only {@code DBUS_SESSION_BUS_ADDRESS} is read; a system property of
     *                that name, which dbus-java prefers, wins)
     * @param osName  the {@code os.name} system property
     * @param timeout how long opening the keyring may take before it counts as unreachable
     */
    public SystemKeyringProbe(Map<String, String> env, String osName, Duration timeout) {
        this.env = env;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.timeout = timeout;
    }

    @Override
    public Reach reach() {
        KeyringStorageType type = storageType();
        String name = SystemKeyring.nameOf(type);
        if (type == KeyringStorageType.GNOME_KEYRING) {
            // dbus-java reads the system property first, then the environment: so does this check.
            String bus = System.getProperty(BUS_VARIABLE, env.get(BUS_VARIABLE));
            if (bus == null || bus.isBlank()) {
                return Reach.unreachable(name + " is not reachable: no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set)");
            }
        }
        CompletableFuture<SystemKeyring> opening = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                opening.complete(open(type));
            } catch (Throwable e) {
                // Throwable: a missing native library (JNA) is an Error, and it only means "no keyring here".
                opening.completeExceptionally(e);
            }
        }, "ferry-keyring-probe");
        t.setDaemon(true);
        t.start();
        try {
            return Reach.reachable(opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            // If it answers later, let go of it: the vault is in use by then.
            opening.thenAccept(SystemKeyring::close);
            return Reach.unreachable(name + " is not reachable: no answer within "
                    + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"));
        } catch (ExecutionException e) {
            return Reach.unreachable(name + " is not reachable: " + SystemKeyring.describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opening.thenAccept(SystemKeyring::close);
            return Reach.unreachable(name + " was not tried: interrupted");
        }
    }

    KeyringStorageType storageType() {
        if (osName.contains("mac")) {
            return KeyringStorageType.OSX_KEYCHAIN;
        }
        if (osName.contains("win")) {
            return KeyringStorageType.WINDOWS_CREDENTIAL_STORE;
        }
        return KeyringStorageType.GNOME_KEYRING;
    }

    private static SystemKeyring open(KeyringStorageType type) throws Exception {
        if (type == KeyringStorageType.GNOME_KEYRING) {
            SecretServiceBus.requirePresent();
        }
        Keyring keyring = Keyring.create(type);
        SystemKeyring opened = new SystemKeyring(keyring, type);
        try {
            // A lookup proves the keyring answers (an unlocked collection, a working bus), not just that it exists.
            opened.read(KeyringCredentialStore.SERVICE, PROBE_ACCOUNT);
            if (type == KeyringStorageType.GNOME_KEYRING) {
                SecretServiceBus.requireUnlocked();
            }
            return opened;
        } catch (Exception | Error e) {
            opened.close();
            throw e;
        }
    }
}
