package org.ferryftp.site.importer;

import org.ferryftp.fs.AtomicFiles;
import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionMode;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.ProxySettings;
import org.ferryftp.site.Bookmark;
import org.ferryftp.site.ProxyUse;
import org.ferryftp.site.SiteProxy;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteProtocol;
import org.ferryftp.site.SshKeys;
import org.ferryftp.site.TlsMode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Reads FileZilla's {@code sitemanager.xml}: FTP, FTPS and SFTP servers in nested folders with their protocol, login (key files included),
 * data mode, charset, directories and bookmarks. Base64 passwords are decoded so the caller can put
 * them in the vault; master-password-encrypted ones cannot be read and are reported. The XML parser
 * refuses DOCTYPEs, so a hostile file cannot reach out through external entities.
 */
public final class FileZillaImporter {

    /** One imported site, its password (null when none or unreadable), and what did not carry over. */
    public record ImportedSite(SiteProfile profile, String password, List<String> warnings) {
    }

    public record Result(List<ImportedSite> sites, List<String> skipped) {
    }

    /** Elements nested deeper than this are refused; FileZilla's own files nest a few levels. */
    static final int MAX_DEPTH = 256;

    /** Thousands of sites; the parsed document of a larger file would not fit a small heap. */
    static final int MAX_BYTES = 8 << 20;

    public Result read(InputStream xml) throws IOException {
        return read(xml, List.of());
    }

    /**
     * As {@link #read(InputStream)}, with the key files of FileZilla's settings ({@link #settingsKeyFiles}): FileZilla
     * offers them to every SFTP server, so an SFTP site without a key file of its own takes the first.
     */
    public Result read(InputStream xml, List<String> settingsKeys) throws IOException {
        Element root = parse(xml, "site manager").getDocumentElement();
        Element servers = child(root, "Servers");
        if (!"FileZilla3".equals(root.getTagName()) || servers == null) {
            throw new IOException("this is not a FileZilla 3 site manager file (no <FileZilla3><Servers>)");
        }
        List<ImportedSite> sites = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        walk(servers, new ArrayList<>(), List.copyOf(settingsKeys), sites, skipped);
        return new Result(sites, skipped);
    }

    /**
     * What Ferry takes from FileZilla's {@code filezilla.xml}: the SFTP key files and the generic proxy.
     *
     * @param keyFiles      Settings → Connection → SFTP (the setting "SFTP keyfiles", one path a line)
     * @param proxy         Settings → Connection → Generic proxy ("Proxy type" 1 HTTP, 2 SOCKS5, 3 SOCKS4), or
     *                      null for none; FileZilla uses it for every site not marked "Bypass proxy"
     * @param proxyPassword "Proxy password", "" for none
     * @param warnings      what of the proxy did not carry over
     */
    public record Settings(List<String> keyFiles, SiteProxy proxy, String proxyPassword, List<String> warnings) {
        public Settings {
            keyFiles = List.copyOf(keyFiles);
            warnings = List.copyOf(warnings);
            proxyPassword = proxyPassword == null ? "" : proxyPassword;
        }
    }

    /** The key files listed in FileZilla's {@code filezilla.xml} (see {@link Settings#keyFiles}). */
    public static List<String> settingsKeyFiles(InputStream filezillaXml) throws IOException {
        return settings(filezillaXml).keyFiles();
    }

    /** Reads FileZilla's {@code filezilla.xml}. */
    public static Settings settings(InputStream filezillaXml) throws IOException {
        Element root = parse(filezillaXml, "settings").getDocumentElement();
        Element settings = child(root, "Settings");
        if (!"FileZilla3".equals(root.getTagName()) || settings == null) {
            throw new IOException("this is not a FileZilla 3 settings file (no <FileZilla3><Settings>)");
        }
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (Node n = settings.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element s && s.getTagName().equals("Setting")) {
                values.putIfAbsent(s.getAttribute("name"), s.getTextContent());
            }
        }
        List<String> keys = values.getOrDefault("SFTP keyfiles", "").lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        List<String> warnings = new ArrayList<>();
        SiteProxy proxy = proxy(values, warnings);
        return new Settings(keys, proxy, proxy == null || proxy.user().isEmpty() ? ""
                : values.getOrDefault("Proxy password", ""), warnings);
    }

    /** FileZilla's generic proxy; its "FTP proxy" (USER user@host logins) is a different thing Ferry does not do. */
    private static SiteProxy proxy(java.util.Map<String, String> values, List<String> warnings) {
        if (!values.getOrDefault("FTP Proxy type", "0").strip().equals("0")) {
            warnings.add("FileZilla's FTP proxy (a login sequence such as USER user@host) has no counterpart in"
                    + " Ferry and was not imported");
        }
        ProxySettings.Type type = switch (values.getOrDefault("Proxy type", "0").strip()) {
            case "1" -> ProxySettings.Type.HTTP;
            case "2" -> ProxySettings.Type.SOCKS5;
            case "3" -> ProxySettings.Type.SOCKS4A;
            default -> null;
        };
        if (type == null) {
            return null;
        }
        String host = values.getOrDefault("Proxy host", "").strip();
        int port = intOr(values.getOrDefault("Proxy port", ""), 0);
        try {
            SiteProxy proxy = new SiteProxy(type, host, port == 0 ? SiteProxy.defaultPort(type) : port,
                    values.getOrDefault("Proxy user", "").strip());
            if (type == ProxySettings.Type.SOCKS4A) {
                warnings.add("FileZilla's SOCKS4 proxy becomes SOCKS4a in Ferry (the proxy looks the server's name up)");
            }
            return proxy;
        } catch (IllegalArgumentException bad) {
            warnings.add("FileZilla's proxy (" + host + ":" + port + ") cannot be used: " + bad.getMessage());
            return null;
        }
    }

    private static Document parse(InputStream xml, String what) throws IOException {
        try {
            return parser().parse(new java.io.ByteArrayInputStream(
                    AtomicFiles.readAtMost(xml, "this file", MAX_BYTES, "a FileZilla " + what + " file")));
        } catch (SAXException e) {
            String where = e instanceof org.xml.sax.SAXParseException p && p.getLineNumber() > 0
                    ? " (line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ")" : "";
            throw new IOException("this is not a readable FileZilla " + what + " file" + where + ": "
                    + String.valueOf(e.getMessage()).replace('\n', ' '), e);
        }
    }

    /** An SFTP site's key: its own ({@code Keyfile}, logon type 5), else the first of FileZilla's settings. */
    private static SshKeys sshKeys(String own, List<String> settingsKeys, List<String> warnings) {
        String key = own.strip();
        if (key.isEmpty() && !settingsKeys.isEmpty()) {
            key = settingsKeys.get(0);
            if (settingsKeys.size() > 1) {
                warnings.add("FileZilla's settings list " + settingsKeys.size() + " key files; Ferry takes one a site: "
                        + key + " (not " + String.join(", ", settingsKeys.subList(1, settingsKeys.size())) + ")");
            }
        }
        if (key.toLowerCase(java.util.Locale.ROOT).endsWith(".ppk")) {
            warnings.add("the key " + key + " is in PuTTY's format, which Ferry does not read; convert it with"
                    + " puttygen KEY.ppk -O private-openssh -o KEY and choose KEY");
        }
        return new SshKeys(key, false);
    }

    private void walk(Element folder, List<String> path, List<String> settingsKeys, List<ImportedSite> sites,
                      List<String> skipped) {
        for (Node n = folder.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            if (e.getTagName().equals("Folder")) {
                List<String> inner = new ArrayList<>(path);
                inner.add(ownText(e).strip());
                walk(e, inner, settingsKeys, sites, skipped);
            } else if (e.getTagName().equals("Server")) {
                ImportedSite site = server(e, path, settingsKeys, skipped);
                if (site != null) {
                    sites.add(site);
                }
            }
        }
    }

    private ImportedSite server(Element e, List<String> folder, List<String> settingsKeys, List<String> skipped) {
        String name = text(e, "Name", ownText(e).strip());
        String host = text(e, "Host", "");
        if (host.isEmpty()) {
            skipped.add((name.isEmpty() ? "a site" : name) + ": no host");
            return null;
        }
        List<String> warnings = new ArrayList<>();
        String protocol = text(e, "Protocol", "0").strip();
        boolean sftp = protocol.equals("1");
        TlsMode tls = switch (protocol) {
            case "0" -> TlsMode.IF_OFFERED;
            case "1", "6" -> TlsMode.NONE;
            case "3" -> TlsMode.IMPLICIT;
            case "4" -> TlsMode.EXPLICIT;
            default -> null;
        };
        if (tls == null) {
            skipped.add(name + ": protocol " + protocol + " is none Ferry speaks (FTP, FTPS and SFTP)");
            return null;
        }
        SiteProtocol siteProtocol = sftp ? SiteProtocol.SFTP : SiteProtocol.FTP;
        int port = intOr(text(e, "Port", ""), siteProtocol.defaultPort(tls));
        String logon = text(e, "Logontype", "1").strip();
        LoginType login = switch (logon) {
            case "0" -> LoginType.ANONYMOUS;
            case "2", "3" -> LoginType.ASK;
            case "4" -> sftp ? LoginType.NORMAL : LoginType.ACCOUNT;
            default -> LoginType.NORMAL; // 1 normal, 5 key file (SFTP)
        };
        if (sftp && logon.equals("4")) {
            warnings.add("SFTP has no FTP account; the account was left out");
        }
        SshKeys ssh = sftp ? sshKeys(logon.equals("5") ? text(e, "Keyfile", "") : "", settingsKeys, warnings) : SshKeys.NONE;
        String password = password(child(e, "Pass"), name, warnings);
        DataConnectionSettings data = switch (text(e, "PasvMode", "MODE_DEFAULT")) {
            case "MODE_ACTIVE" -> DataConnectionSettings.ACTIVE;
            default -> DataConnectionSettings.PASSIVE;
        };
        CharsetPolicy charset = CharsetPolicy.AUTO;
        if (text(e, "EncodingType", "Auto").equals("Custom")) {
            try {
                charset = CharsetPolicy.parse(text(e, "CustomEncoding", ""));
            } catch (IllegalArgumentException bad) {
                warnings.add("unknown charset " + text(e, "CustomEncoding", "") + "; using auto");
            }
        } else if (text(e, "EncodingType", "Auto").equals("UTF-8")) {
            charset = CharsetPolicy.UTF8;
        }
        int connections = Math.max(1, Math.min(16, intOr(text(e, "MaximumMultipleConnections", ""), 2)));
        if (connections == 0) {
            connections = 2;
        }
        // Values FileZilla stored but Ferry cannot accept (a port of -121) skip this site, not the import.
        SiteProfile profile;
        try {
            List<Bookmark> bookmarks = new ArrayList<>();
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element b && b.getTagName().equals("Bookmark")) {
                    bookmarks.add(new Bookmark(text(b, "Name", ownText(b).strip()), emptyToNull(text(b, "LocalDir", "")),
                            remoteDir(text(b, "RemoteDir", ""), warnings)));
                }
            }
            // FileZilla sends every site through its generic proxy unless the site says "Bypass proxy".
            profile = SiteProfile.builder(UUID.randomUUID().toString(), name.isEmpty() ? host : name, host)
                    .proxyUse(!sftp && text(e, "BypassProxy", "0").strip().equals("0") ? ProxyUse.DEFAULT
                            : ProxyUse.DIRECT)
                    .folder(folder).protocol(siteProtocol).ssh(ssh).port(port).tls(tls).login(login)
                    .user(text(e, "User", login == LoginType.ANONYMOUS ? "anonymous" : ""))
                    .account(login == LoginType.ACCOUNT ? emptyToNull(text(e, "Account", "")) : null).charset(charset)
                    .data(data.withMode(data.mode() == DataConnectionMode.ACTIVE
                            ? DataConnectionMode.ACTIVE : DataConnectionMode.PASSIVE))
                    .representation(Representation.BINARY).maxConnections(connections)
                    .localDir(emptyToNull(text(e, "LocalDir", ""))).remoteDir(remoteDir(text(e, "RemoteDir", ""), warnings))
                    .bookmarks(bookmarks).notes(text(e, "Comments", "")).build();
        } catch (IllegalArgumentException bad) {
            skipped.add((name.isEmpty() ? host : name) + ": " + bad.getMessage());
            return null;
        }
        return new ImportedSite(profile, password, warnings);
    }

    private static String password(Element pass, String site, List<String> warnings) {
        if (pass == null || pass.getTextContent().isEmpty()) {
            return null;
        }
        String encoding = pass.getAttribute("encoding");
        if (encoding.equals("crypt")) {
            warnings.add("the password is protected by FileZilla's master password and was not imported");
            return null;
        }
        if (encoding.equals("base64")) {
            try {
                return new String(Base64.getDecoder().decode(pass.getTextContent().strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                warnings.add("the stored password is damaged and was not imported");
                return null;
            }
        }
        return pass.getTextContent();
    }

    /** FileZilla's own path encoding: {@code type prefixLength [prefix] length segment ...}. */
    static String remoteDir(String encoded, List<String> warnings) {
        if (encoded.isBlank()) {
            return null;
        }
        try {
            int[] pos = {0};
            int type = number(encoded, pos);
            int prefixLength = number(encoded, pos);
            String prefix = prefixLength > 0 ? take(encoded, pos, prefixLength) : "";
            StringBuilder path = new StringBuilder(prefix);
            while (pos[0] < encoded.length()) {
                int length = number(encoded, pos);
                path.append('/').append(take(encoded, pos, length));
            }
            if (type != 1 && type != 0) {
                warnings.add("remote directory " + encoded + " is not a Unix path; imported as " + path);
            }
            return path.length() == 0 ? "/" : path.toString();
        } catch (RuntimeException e) {
            warnings.add("remote directory \"" + encoded + "\" could not be read and was left out");
            return null;
        }
    }

    private static int number(String s, int[] pos) {
        int start = pos[0];
        while (pos[0] < s.length() && Character.isDigit(s.charAt(pos[0]))) {
            pos[0]++;
        }
        int n = Integer.parseInt(s.substring(start, pos[0]));
        if (pos[0] < s.length() && s.charAt(pos[0]) == ' ') {
            pos[0]++;
        }
        return n;
    }

    private static String take(String s, int[] pos, int length) {
        String part = s.substring(pos[0], pos[0] + length);
        pos[0] += length;
        if (pos[0] < s.length() && s.charAt(pos[0]) == ' ') {
            pos[0]++;
        }
        return part;
    }

    private static DocumentBuilder parser() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            // Folders are walked recursively: a depth limit keeps a hostile file from overflowing the stack.
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
            DocumentBuilder builder = f.newDocumentBuilder();
            // Without a handler the JDK's parser prints "[Fatal Error] ..." on stderr before throwing.
            builder.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(org.xml.sax.SAXParseException e) {
                    // Nothing to tell: a warning does not stop the import.
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException("no safe XML parser available: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag, String fallback) {
        Element c = child(parent, tag);
        return c == null ? fallback : c.getTextContent();
    }

    /** The element's own text, not its children's (older files keep a server's or folder's name there). */
    private static String ownText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        return sb.toString();
    }

    private static int intOr(String s, int fallback) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
