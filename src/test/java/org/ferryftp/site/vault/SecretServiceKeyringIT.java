package org.ferryftp.site.vault;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Stores, reads and removes a password through the real OS keyring. Skips only when no keyring answers: on
 * Linux run it inside a D-Bus session with an unlocked Secret Service, e.g.
 * {@code dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets; mvn verify'}.
 */
class SecretServiceKeyringIT {

    private static KeyringProbe.Reach reach;

    @TempDir
    Path dir;

    @BeforeAll
    static void findKeyring() {
        reach = new SystemKeyringProbe(System.getenv(), System.getProperty("os.name", ""), Duration.ofSeconds(10))
                .reach();
    }

    @AfterAll
    static void release() {
        if (reach != null && reach.isReachable()) {
            reach.keyring().close();
        }
    }

    @Test
    void storesReadsReplacesAndRemovesAPasswordInTheKeyring() throws Exception {
        assumeTrue(reach.isReachable(), () -> "no OS keyring here: " + reach.reason());
        KeyringCredentialStore store = new KeyringCredentialStore(reach.keyring());
        String site = "ferry-it-" + UUID.randomUUID();
        try {
            assertEquals(Optional.empty(), store.get(site));
            store.put(site, "hunter2-päss");
            assertEquals(Optional.of("hunter2-päss"), store.get(site));
            secretTool(site).ifPresent(found -> assertEquals("hunter2-päss", found,
                    "stored under service=Ferry, account=site id"));
            store.put(site, "changed");
            assertEquals(Optional.of("changed"), store.get(site));
        } finally {
            store.remove(site);
        }
        assertEquals(Optional.empty(), store.get(site));
        store.remove(site);
    }

    @Test
    void theFactoryChoosesTheKeyringAndWritesNoVault() throws Exception {
        assumeTrue(reach.isReachable(), () -> "no OS keyring here: " + reach.reason());
        MasterPasswordSource mustNotAsk = r -> {
            throw new AssertionError("no master password with a keyring");
        };
        String site = "ferry-it-" + UUID.randomUUID();
        try (SelectedCredentialStore c = CredentialStores.open(dir, Map.of(),  mustNotAsk,
                new SystemKeyringProbe(System.getenv(), System.getProperty("os.name", ""), Duration.ofSeconds(10)))) {
            assertEquals(CredentialBackend.Kind.KEYRING, c.backend().kind(), String.valueOf(c.backend().note()));
            c.put(site, "s3cret");
            assertEquals(Optional.of("s3cret"), c.get(site));
            c.remove(site);
            assertEquals(Optional.empty(), c.get(site));
        }
        assertFalse(Files.exists(dir.resolve(EncryptedVault.FILE_NAME)));
    }

    @Test
    void aSessionBusWithoutSecretServiceIsUnreachableAndLeavesNoConnectionBehind() throws Exception {
        Path daemon = Path.of("/usr/bin/dbus-daemon");
        assumeTrue(Files.isExecutable(daemon), "no dbus-daemon to start a bare session bus");
        Path config = dir.resolve("bare-session.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:dir=%s</listen>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(dir));
        Process bus = new ProcessBuilder(daemon.toString(), "--config-file=" + config, "--nofork", "--print-address")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String saved = System.getProperty("DBUS_SESSION_BUS_ADDRESS");
        try {
            String address = new java.io.BufferedReader(new java.io.InputStreamReader(bus.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            System.setProperty("DBUS_SESSION_BUS_ADDRESS", address.strip());
            java.util.Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
            KeyringProbe.Reach bare = new SystemKeyringProbe(Map.of(), "Linux", Duration.ofSeconds(10)).reach();
            assertFalse(bare.isReachable());
            assertEquals("the Secret Service keyring is not reachable: the D-Bus session has no Secret Service "
                    + "(nothing provides org.freedesktop.secrets; install gnome-keyring or KeePassXC, or use "
                    + "Ferry's vault)", bare.reason());
            // The probe's D-Bus connection runs its own threads; closing it ends them. Each is joined, not polled.
            java.util.List<Thread> left = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + 5_000_000_000L;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!threadsBefore.contains(t)) {
                    t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    if (t.isAlive()) {
                        left.add(t);
                    }
                }
            }
            assertEquals(java.util.List.of(), left, "the probe's D-Bus connection was closed");
        } finally {
            if (saved == null) {
                System.clearProperty("DBUS_SESSION_BUS_ADDRESS");
            } else {
                System.setProperty("DBUS_SESSION_BUS_ADDRESS", saved);
            }
            bus.destroy();
            bus.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** What libsecret's own tool finds under Ferry's attributes; empty when the tool is not installed. */
    private static Optional<String> secretTool(String account) throws IOException, InterruptedException {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/secret-tool"));
        if (!installed) {
            return Optional.empty();
        }
        Process p = new ProcessBuilder("/usr/bin/secret-tool", "lookup", "service", "Ferry", "account", account)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("secret-tool did not answer");
        }
        return Optional.of(out.strip());
    }
}
