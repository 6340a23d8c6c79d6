package org.ferryftp.site.vault;

/** Finds out, quickly and quietly, whether the OS keyring can be used now. */
@FunctionalInterface
public interface KeyringProbe {

    /** Never hangs and never throws: an unreachable keyring is an answer, with the reason. */
    Reach reach();

    /** The probe that never finds a keyring (for {@code FERRY_CREDENTIALS=vault} and for tests of the vault path). */
    static KeyringProbe none(String reason) {
        return () -> Reach.unreachable(reason);
    }

    /**
     * What the probe found.
     *
     * @param keyring the keyring, ready to use, or null when it cannot be reached
     * @param reason  why it cannot be reached (null when it can)
     */
    record Reach(OsKeyring keyring, String reason) {

        public Reach {
            if ((keyring == null) == (reason == null)) {
                throw new IllegalArgumentException("either a keyring or a reason");
            }
        }

        public static Reach reachable(OsKeyring keyring) {
            return new Reach(keyring, null);
        }

        public static Reach unreachable(String reason) {
            return new Reach(null, reason);
        }

        public boolean isReachable() {
            return keyring != null;
        }
    }
}
