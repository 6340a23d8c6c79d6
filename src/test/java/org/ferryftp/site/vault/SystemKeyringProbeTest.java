package org.ferryftp.site.vault;

import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real probe with the real library, against buses that are missing, absent or mute. */
class SystemKeyringProbeTest {

    private static final String BUS = "DBUS_SESSION_BUS_ADDRESS";

    @TempDir
    Path dir;

    private String savedBusProperty;
    private PrintStream savedErr;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void captureStderr() {
        savedBusProperty = System.getProperty(BUS);
        savedErr = System.err;
        System.setErr(new PrintStream(err, true));
    }

    @AfterEach
    void restore() {
        System.setErr(savedErr);
        if (savedBusProperty == null) {
            System.clearProperty(BUS);
        } else {
            System.setProperty(BUS, savedBusProperty);
        }
    }

    @Test
    void withoutADBusSessionTheSecretServiceIsUnreachableAtOnce() {
        System.clearProperty(BUS);
        long start = System.nanoTime();
        KeyringProbe.Reach reach = new SystemKeyringProbe(Map.of(), "Linux", Duration.ofSeconds(5)).reach();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertFalse(reach.isReachable());
        assertEquals("the Secret Service keyring is not reachable: no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set)",
                reach.reason());
        assertTrue(millis < 500, "took " + millis + " ms");
        assertEquals("", err.toString(), "nothing on stderr");
    }

    @Test
    void aBusAddressWithNothingBehindItIsUnreachableInOneLine() {
        System.setProperty(BUS, "unix:path=" + dir.resolve("no-such-bus"));
        long start = System.nanoTime();
        KeyringProbe.Reach reach = new SystemKeyringProbe(Map.of(), "Linux", Duration.ofSeconds(10)).reach();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertFalse(reach.isReachable());
        assertTrue(reach.reason().startsWith("the Secret Service keyring is not reachable: "), reach.reason());
        assertFalse(reach.reason().contains("\n"), reach.reason());
        assertTrue(millis < 5_000, "failed fast, not by the time limit: " + millis + " ms");
        assertEquals("", err.toString(), "no stack trace on stderr");
    }

    @Test
    void aBusThatNeverAnswersCountsAsUnreachableAfterTheTimeLimit() throws Exception {
        Path socket = dir.resolve("mute-bus");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = new Thread(() -> {
                try (SocketChannel silent = server.accept()) {
                    // Reads and never answers, until the probe hangs up.
                    while (silent.read(java.nio.ByteBuffer.allocate(256)) >= 0) {
                        continue;
                    }
                } catch (Exception e) {
                    // closed by the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            System.setProperty(BUS, "unix:path=" + socket);
            long start = System.nanoTime();
            KeyringProbe.Reach reach = new SystemKeyringProbe(Map.of(), "Linux", Duration.ofMillis(700)).reach();
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertFalse(reach.isReachable());
            assertEquals("the Secret Service keyring is not reachable: no answer within 700 ms", reach.reason());
            assertTrue(millis >= 700 && millis < 3_000, "took " + millis + " ms");
            acceptor.interrupt();
        }
    }

    @Test
    void eachBackendsWayOfSayingNothingIsStoredIsRecognised() {
        for (String missing : new String[] {"No stored credentials match Ferry account: s1", "Error code 1168",
                "No password to delete. x", "Password not Found"}) {
            assertTrue(SystemKeyring.isMissing(new PasswordAccessException(missing)), missing);
        }
        assertFalse(SystemKeyring.isMissing(new PasswordAccessException("Error code 5")), "access denied is an error");
        assertFalse(SystemKeyring.isMissing(new PasswordAccessException(null)));
    }

    @Test
    void nestedLibraryExceptionsBecomeTheirInnermostMessage() {
        Exception nested = new RuntimeException("The backend 'GNOME_KEYRING' is not supported",
                new IllegalStateException("Error connecting to dbus", new java.io.IOException("Connection refused")));
        assertEquals("Connection refused", SystemKeyring.describe(nested));
        assertEquals("IllegalStateException", SystemKeyring.describe(new IllegalStateException()));
    }

    @Test
    void eachSystemHasItsKeyring() {
        Map<String, String> env = Map.of();
        Duration t = Duration.ofSeconds(1);
        assertEquals(KeyringStorageType.OSX_KEYCHAIN, new SystemKeyringProbe(env, "Mac OS X", t).storageType());
        assertEquals(KeyringStorageType.WINDOWS_CREDENTIAL_STORE,
                new SystemKeyringProbe(env, "Windows 11", t).storageType());
        assertEquals(KeyringStorageType.GNOME_KEYRING, new SystemKeyringProbe(env, "Linux", t).storageType());
        assertEquals(KeyringStorageType.GNOME_KEYRING, new SystemKeyringProbe(env, "FreeBSD", t).storageType());
        assertEquals("the macOS Keychain", SystemKeyring.nameOf(KeyringStorageType.OSX_KEYCHAIN));
        assertNull(KeyringProbe.Reach.unreachable("x").keyring());
    }
}
