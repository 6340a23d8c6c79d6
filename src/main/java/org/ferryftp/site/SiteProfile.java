package org.ferryftp.site;

import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.repr.Representation;

import java.util.List;
import java.util.Objects;

/**
 * A saved site. Secrets are not part of it: passwords live in the credential vault under the
 * profile's id.
 *
 * @param id             stable identifier (queue items and the vault refer to it)
 * @param name           what the user calls it
 * @param folder         folder path in the site manager, outermost first (empty: top level)
 * @param host           host name or address
 * @param port           control port
 * @param tls            plain FTP or one of the TLS modes
 * @param login          how to log in
 * @param user           user name (ignored for anonymous)
 * @param account        RFC 959 account for {@link LoginType#ACCOUNT}, or null
 * @param charset        charset of names
 * @param data           passive/active settings
 * @param representation TYPE/format/STRU/MODE
 * @param maxConnections connections the site allows at once
 * @param localDir       directory to open locally, or null
 * @param remoteDir      directory to open on the server, or null
 * @param bookmarks      named directory pairs
 * @param notes          free text
 */
public record SiteProfile(String id, String name, List<String> folder, String host, int port, TlsMode tls,
                          LoginType login, String user, String account, CharsetPolicy charset,
                          DataConnectionSettings data, Representation representation, int maxConnections,
                          String localDir, String remoteDir, List<Bookmark> bookmarks, String notes) {

    public SiteProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(representation, "representation");
        folder = List.copyOf(folder == null ? List.of() : folder);
        bookmarks = List.copyOf(bookmarks == null ? List.of() : bookmarks);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        if (maxConnections < 1 || maxConnections > 16) {
            throw new IllegalArgumentException("connections must be 1..16, was " + maxConnections);
        }
    }
}
