package org.ferryftp.app;

import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.site.vault.CredentialStore;
import org.ferryftp.site.vault.CredentialStores;
import org.ferryftp.site.vault.SelectedCredentialStore;
import org.ferryftp.site.vault.DelegatingCredentialStore;
import org.ferryftp.site.vault.KeyringProbe;
import org.ferryftp.site.vault.MasterPasswordSource;
import org.ferryftp.site.vault.VaultException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

/**
 * The window's credential store. Looking for the keyring can take a moment (a D-Bus round trip, at worst the
 * probe's time limit), so it runs on a daemon thread once the window has shown its first frame (before it, it
 * would only compete with the window for the CPU) and the log says where passwords are kept;
 * the store waits for it on first use (from a worker thread: reading the vault derives a key, never on the FX
 * thread). The master password, if the vault is used, is asked on first use through {@code ask}.
 */
final class CredentialWiring implements AutoCloseable {

    private final CompletableFuture<SelectedCredentialStore> opened;
    private final BooleanSupplier onFxThread;
    private final CredentialStore store = new DelegatingCredentialStore() {
        @Override
        protected CredentialStore target() throws VaultException {
            if (onFxThread.getAsBoolean()) {
                // The keyring may wait for an unlock prompt, the vault derives a key and may wait for the master
                // password dialog, which the FX thread would then be too busy to show.
                throw new IllegalStateException("saved passwords are read and stored from a worker thread, "
                        + "never the FX thread (use the UiExecutor)");
            }
            return credentials();
        }
    };

    /**
     * @param onFxThread {@code Platform::isFxApplicationThread}
     * @param startAfter the keyring is looked for when this completes (the window's first frame)
     */
    CredentialWiring(Path configDir, Map<String, String> env, MasterPasswordSource ask, KeyringProbe probe,
                     LogListener log, BooleanSupplier onFxThread, CompletionStage<?> startAfter) {
        this.onFxThread = onFxThread;
        opened = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                SelectedCredentialStore c = CredentialStores.open(configDir, env, ask, probe,
                        line -> log.log(new LogEntry(Instant.now(), "ferry", LogEntry.Direction.INFO,
                                "Saved site passwords: " + line)));
                String note = c.backend().note();
                log.log(new LogEntry(Instant.now(), "ferry", LogEntry.Direction.INFO,
                        "Saved site passwords: " + c.backend().summary() + (note == null ? "" : " (" + note + ")")));
                opened.complete(c);
            } catch (RuntimeException e) {
                log.log(new LogEntry(Instant.now(), "ferry", LogEntry.Direction.ERROR,
                        "Saved site passwords are not available: " + e.getMessage()));
                opened.completeExceptionally(e);
            }
        }, "ferry-credentials");
        t.setDaemon(true);
        startAfter.whenComplete((done, failed) -> t.start());
    }

    /** Passwords of saved sites; usable at once, the first call waits until the store is chosen. */
    CredentialStore store() {
        return store;
    }

    private SelectedCredentialStore credentials() throws VaultException {
        try {
            return opened.join();
        } catch (CompletionException e) {
            throw new VaultException("saved site passwords are not available: " + e.getCause().getMessage());
        }
    }

    @Override
    public void close() {
        opened.thenAccept(SelectedCredentialStore::close);
    }
}
