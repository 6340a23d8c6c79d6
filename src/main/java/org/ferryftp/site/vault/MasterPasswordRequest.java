package org.ferryftp.site.vault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a {@link MasterPasswordSource} is asked for.
 *
 * @param vaultFile the vault the password is for
 * @param creating  true when there is no vault yet: the password chosen now creates it, so ask for it twice
 * @param problem   why the previous answer was refused (for example "the master password is not correct"),
 *                  or null on the first request
 */
public record MasterPasswordRequest(Path vaultFile, boolean creating, String problem) {

    public MasterPasswordRequest {
        if (vaultFile == null) {
            throw new IllegalArgumentException("vault file missing");
        }
    }

    /** The first request for this vault. */
    public static MasterPasswordRequest first(Path vaultFile, boolean creating) {
        return new MasterPasswordRequest(vaultFile, creating, null);
    }

    /** The same request again, after {@code why} refused the previous answer. */
    public MasterPasswordRequest retry(String why) {
        return new MasterPasswordRequest(vaultFile, creating, why);
    }

    public Optional<String> previousProblem() {
        return Optional.ofNullable(problem);
    }
}
