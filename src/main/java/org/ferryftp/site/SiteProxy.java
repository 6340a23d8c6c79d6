package org.ferryftp.site;

import org.ferryftp.ftp.ProxySettings;

import java.util.Objects;

/**
 * The proxy a saved site connects through. Its password, like the site's, lives in the credential store (under
 * {@link SiteSessions#proxyCredentialKey}), never in the profile.
 *
 * @param user "" for none
 */
public record SiteProxy(ProxySettings.Type type, String host, int port, String user) {

    public SiteProxy {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        user = user == null ? "" : user;
        if (host.isBlank()) {
            throw new IllegalArgumentException("the proxy needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be 1..65535, was " + port);
        }
    }

    /** The engine's settings, with the password from the credential store (null or "" for none). */
    public ProxySettings settings(String password) {
        return new ProxySettings(type, host, port, user, user.isEmpty() || password == null ? "" : password);
    }

    /** The port a proxy of this type usually listens on. */
    public static int defaultPort(ProxySettings.Type type) {
        return type == ProxySettings.Type.HTTP ? 8080 : 1080;
    }
}
