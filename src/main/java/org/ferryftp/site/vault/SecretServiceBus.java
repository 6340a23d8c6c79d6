package org.ferryftp.site.vault;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;

import java.io.IOException;
import java.util.Arrays;

/**
 * Asks the D-Bus session whether anything provides the Secret Service, on a connection of its own that is always
 * closed. Needed because java-keyring, when the service is missing, fails with an obscure message and leaves its
 * own connection open, whose non-daemon threads would keep Ferry's JVM alive after the window closes.
 */
final class SecretServiceBus {

    static final String SECRETS = "org.freedesktop.secrets";
    static final String DEFAULT_COLLECTION = "/org/freedesktop/secrets/aliases/default";

    private SecretServiceBus() {
    }

    /** Returns when a Secret Service runs or can be started on the session bus; otherwise says why. */
    static void requirePresent() throws Exception {
        try (DBusConnection bus = DBusConnectionBuilder.forSessionBus().withShared(false).build()) {
            DBus dbus = bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!dbus.NameHasOwner(SECRETS) && !Arrays.asList(dbus.ListActivatableNames()).contains(SECRETS)) {
                throw new IOException("the D-Bus session has no Secret Service (nothing provides " + SECRETS
                        + "; install gnome-keyring or KeePassXC, or use Ferry's vault)");
            }
        }
    }

    /**
     * Returns when the default collection (where java-keyring keeps entries) is unlocked. A locked one answers
     * look-ups with "nothing stored" and refuses to store, so it is no place for Ferry's passwords.
     */
    static void requireUnlocked() throws Exception {
        try (DBusConnection bus = DBusConnectionBuilder.forSessionBus().withShared(false).build()) {
            Properties collection = bus.getRemoteObject(SECRETS, DEFAULT_COLLECTION, Properties.class);
            Boolean locked = collection.Get("org.freedesktop.Secret.Collection", "Locked");
            if (Boolean.TRUE.equals(locked)) {
                throw new IOException("the default keyring is locked and was not unlocked (log in to the desktop "
                        + "session to unlock it, or use Ferry's vault)");
            }
        }
    }
}
