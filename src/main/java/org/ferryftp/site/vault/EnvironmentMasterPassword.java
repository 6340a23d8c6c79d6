package org.ferryftp.site.vault;

import java.util.Map;
import java.util.Optional;

/** The master password from {@code FERRY_MASTER_PASSWORD}, for scripts. It never asks, so it never retries. */
public final class EnvironmentMasterPassword implements MasterPasswordSource {

    public static final String VARIABLE = "FERRY_MASTER_PASSWORD";

    private final String password;

    private EnvironmentMasterPassword(String password) {
        this.password = password;
    }

    /** The source when the variable is set and not empty. */
    public static Optional<MasterPasswordSource> from(Map<String, String> env) {
        String value = env.get(VARIABLE);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new EnvironmentMasterPassword(value));
    }

    @Override
    public char[] masterPassword(MasterPasswordRequest request) {
        return password.toCharArray();
    }

    @Override
    public String origin() {
        return VARIABLE;
    }
}
