package org.ferryftp.fs;

import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.sftp.SftpSettings;

import java.util.Objects;

/** How to open a session to a site: the protocol, and that protocol's own settings. */
public sealed interface SiteEndpoint {

    String host();

    int port();

    String user();

    /** The URL scheme people know the protocol by: {@code ftp} (also for FTPS) or {@code sftp}. */
    String scheme();

    /** {@code user@host:port}, as logs and panes name a connection (an IPv6 host in brackets). */
    default String label() {
        return user() + "@" + (host().contains(":") ? "[" + host() + "]" : host()) + ":" + port();
    }

    /** {@code scheme://user@host:port}, the start of a remote path's URL in messages. */
    default String url() {
        return scheme() + "://" + label();
    }

    /** FTP or FTPS through Ferry's FTP engine. */
    record Ftp(SessionSettings settings) implements SiteEndpoint {
        public Ftp {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public String host() {
            return settings.host();
        }

        @Override
        public int port() {
            return settings.port();
        }

        @Override
        public String user() {
            return settings.credentials().user();
        }

        @Override
        public String scheme() {
            return "ftp";
        }
    }

    /** SFTP (SSH) through Apache MINA SSHD. */
    record Sftp(SftpSettings settings) implements SiteEndpoint {
        public Sftp {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public String host() {
            return settings.host();
        }

        @Override
        public int port() {
            return settings.port();
        }

        @Override
        public String user() {
            return settings.user();
        }

        @Override
        public String scheme() {
            return "sftp";
        }
    }
}
