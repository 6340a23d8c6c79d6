package org.ferryftp.app;

import org.ferryftp.site.vault.CredentialStore;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The credential store as the window uses it. The real store may block (a keyring unlock, the master
 * password dialog, a key derivation), which must never happen on the FX thread; the site manager's form,
 * though, reads and writes passwords there. So the saved sites' passwords are preloaded on a background
 * thread, the FX thread is served from that copy, and its writes go to the real store in order on the
 * same background thread. A name that was not preloaded is refused on the FX thread with a message
 * instead of being guessed, so an unknown password is never overwritten or removed.
 */
final class FxSafeCredentials implements CredentialStore {

    private final CredentialStore backing;
    private final ExecutorService io;
    private final BooleanSupplier onFxThread;
    private final Consumer<String> problems;
    private final Map<String, Optional<String>> known = new ConcurrentHashMap<>();
    /** True once every saved site's entry is in the copy: then a name not in it has no password. */
    private volatile boolean complete;

    /**
     * @param io         one thread: the real store's reads and writes, in order
     * @param onFxThread {@code Platform::isFxApplicationThread}
     * @param problems   messages for the log (a write that failed after the form moved on)
     */
    FxSafeCredentials(CredentialStore backing, ExecutorService io, BooleanSupplier onFxThread,
                      Consumer<String> problems) {
        this.backing = backing;
        this.io = io;
        this.onFxThread = onFxThread;
        this.problems = problems;
    }

    /** Reads these entries into the copy, in the background (this may ask for the master password). */
    CompletableFuture<Void> preload(Collection<String> names) {
        return CompletableFuture.runAsync(() -> {
            for (String name : names) {
                try {
                    known.put(name, backing.get(name));
                } catch (IOException | RuntimeException e) {
                    problems.accept("saved passwords could not be read: " + e.getMessage());
                    return;
                }
            }
            complete = true;
        }, io);
    }

    @Override
    public Optional<String> get(String name) throws IOException {
        Optional<String> copy = known.get(name);
        if (copy != null) {
            return copy;
        }
        if (onFxThread.getAsBoolean()) {
            if (complete) {
                return Optional.empty(); // a site added in this run
            }
            throw notReady();
        }
        Optional<String> value = backing.get(name);
        known.put(name, value);
        return value;
    }

    @Override
    public void put(String name, String secret) throws IOException {
        write(name, Optional.of(secret));
    }

    @Override
    public void remove(String name) throws IOException {
        write(name, Optional.empty());
    }

    private void write(String name, Optional<String> value) throws IOException {
        if (!onFxThread.getAsBoolean()) {
            if (value.isPresent()) {
                backing.put(name, value.get());
            } else {
                backing.remove(name);
            }
            known.put(name, value);
            return;
        }
        if (value.isEmpty() && !known.containsKey(name) && !complete) {
            throw notReady(); // never remove a password nobody has seen
        }
        known.put(name, value);
        io.execute(() -> {
            try {
                if (value.isPresent()) {
                    backing.put(name, value.get());
                } else {
                    backing.remove(name);
                }
            } catch (IOException | RuntimeException e) {
                problems.accept("a saved password could not be stored: " + e.getMessage());
            }
        });
    }

    private static IOException notReady() {
        return new IOException("saved passwords are not unlocked yet (see the log); try again in a moment");
    }
}
