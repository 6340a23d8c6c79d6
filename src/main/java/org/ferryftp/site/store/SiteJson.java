package org.ferryftp.site.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ferryftp.ftp.CharsetPolicy;
import org.ferryftp.ftp.DataConnectionMode;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.repr.FileStructure;
import org.ferryftp.ftp.repr.FormatControl;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferMode;
import org.ferryftp.ftp.repr.TransferType;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.site.AutoAscii;
import org.ferryftp.site.Bookmark;
import org.ferryftp.site.FxpPassiveSide;
import org.ferryftp.site.FxpPreferences;
import org.ferryftp.site.FxpRelay;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.SiteProfileBuilder;
import org.ferryftp.site.SiteProtocol;
import org.ferryftp.site.SshKeys;
import org.ferryftp.site.TlsMode;
import org.ferryftp.site.SiteProxy;
import org.ferryftp.site.ProxyUse;
import org.ferryftp.ftp.ProxySettings;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The site file's JSON form, written field by field (not by reflection) so the format is explicit,
 * versioned and independent of class names. {@link #migrate} upgrades older documents step by step:
 * version 1 had no colour, timeouts, keep-alive, auto-ASCII list, FXP preferences, TLS data
 * protection or explicit (possibly empty) folders; version 2 has them, and a version 1 file loads
 * with their defaults. Sites saved before SFTP have no {@code protocol} and load as FTP (no version step: the
 * field defaults when absent).
 */
final class SiteJson {

    static final int VERSION = 2;
    /** Exported passwords: the credential vault's format (AES-256-GCM, PBKDF2 key) under the export's passphrase. */
    static final String SEALED_FORMAT = "ferry-vault";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SiteJson() {
    }

    /**
     * The sites and the folders the user made (including empty ones), as one document holds them, and for an
     * export made with passwords, those passwords sealed under the export's passphrase (null otherwise;
     * {@code sites.json} never has any).
     */
    record Document(List<SiteProfile> sites, List<List<String>> folders, String sealedPasswords) {
    }

    static String write(List<SiteProfile> sites, List<List<String>> folders) throws JsonProcessingException {
        return write(sites, folders, null);
    }

    /** A document; {@code sealedPasswords} (see {@code EncryptedVault.seal}) is kept as it is, when not null. */
    static String write(List<SiteProfile> sites, List<List<String>> folders, String sealedPasswords)
            throws JsonProcessingException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode folderList = root.putArray("folders");
        for (List<String> f : folders) {
            ArrayNode path = folderList.addArray();
            f.forEach(path::add);
        }
        ArrayNode list = root.putArray("sites");
        for (SiteProfile s : sites) {
            list.add(site(s));
        }
        if (sealedPasswords != null) {
            root.putObject("passwords").put("format", SEALED_FORMAT).put("sealed", sealedPasswords);
        }
        return MAPPER.writeValueAsString(root);
    }

    /** Parses a document; throws IllegalArgumentException with a plain reason when it is not one. */
    static Document read(String json) throws JsonProcessingException {
        JsonNode root = migrate(MAPPER.readTree(json));
        List<SiteProfile> sites = new ArrayList<>();
        for (JsonNode n : root.path("sites")) {
            sites.add(site(n));
        }
        String sealed = null;
        JsonNode passwords = root.path("passwords");
        if (passwords.isObject()) {
            if (!SEALED_FORMAT.equals(passwords.path("format").asText())) {
                throw new IllegalArgumentException("the passwords are in a format this Ferry does not know ("
                        + passwords.path("format").asText() + ")");
            }
            sealed = text(passwords, "sealed");
        }
        List<List<String>> folders = new ArrayList<>();
        for (JsonNode f : root.path("folders")) {
            List<String> path = new ArrayList<>();
            f.forEach(p -> path.add(p.asText()));
            if (!path.isEmpty()) {
                folders.add(List.copyOf(path));
            }
        }
        return new Document(sites, folders, sealed);
    }

    /** Checks the document and upgrades it, one version at a time, to {@link #VERSION}. */
    static JsonNode migrate(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("sites").isArray()) {
            throw new IllegalArgumentException("not a Ferry site file (no \"sites\" list)");
        }
        int version = root.path("version").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("site file version " + version + " is not one this Ferry knows ("
                    + VERSION + ")");
        }
        ObjectNode doc = (ObjectNode) root;
        if (version == 1) {
            // Version 2 added fields that default when absent, and the list of explicit folders.
            doc.putArray("folders");
            doc.put("version", 2);
        }
        return doc;
    }

    private static ObjectNode site(SiteProfile s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", s.id());
        n.put("name", s.name());
        ArrayNode folder = n.putArray("folder");
        s.folder().forEach(folder::add);
        n.put("host", s.host());
        n.put("port", s.port());
        n.put("tls", s.tls().name());
        n.put("login", s.login().name());
        n.put("user", s.user());
        n.put("account", s.account());
        n.put("charset", charset(s.charset()));
        ObjectNode d = n.putObject("data");
        d.put("mode", s.data().mode().name());
        d.put("preferEpsv", s.data().preferEpsv());
        d.put("usePasvAddress", s.data().usePasvAddress());
        d.put("activeBindAddress", s.data().activeBindAddress());
        d.put("activePortMin", s.data().activePortMin());
        d.put("activePortMax", s.data().activePortMax());
        d.put("activeExternalAddress", s.data().activeExternalAddress());
        d.put("preferEprt", s.data().preferEprt());
        ObjectNode r = n.putObject("representation");
        r.put("type", String.valueOf(s.representation().type().code()));
        r.put("format", String.valueOf(s.representation().format().code()));
        r.put("byteSize", s.representation().byteSize());
        r.put("structure", String.valueOf(s.representation().structure().code()));
        r.put("mode", String.valueOf(s.representation().mode().code()));
        r.put("ebcdicCodePage", s.representation().ebcdicCodePage().name());
        n.put("maxConnections", s.maxConnections());
        n.put("localDir", s.localDir());
        n.put("remoteDir", s.remoteDir());
        ArrayNode bookmarks = n.putArray("bookmarks");
        for (Bookmark b : s.bookmarks()) {
            bookmarks.addObject().put("name", b.name()).put("localDir", b.localDir()).put("remoteDir", b.remoteDir());
        }
        n.put("notes", s.notes());
        n.put("colour", s.colour());
        ObjectNode auto = n.putObject("autoAscii");
        auto.put("enabled", s.autoAscii().enabled());
        ArrayNode ext = auto.putArray("extensions");
        s.autoAscii().extensions().forEach(ext::add);
        ObjectNode t = n.putObject("timeouts");
        t.put("connectSeconds", s.timeouts().connect().toSeconds());
        t.put("replySeconds", s.timeouts().reply().toSeconds());
        t.put("dataSeconds", s.timeouts().data().toSeconds());
        n.put("keepAliveSeconds", s.keepAlive().toSeconds());
        ObjectNode fxp = n.putObject("fxp");
        fxp.put("passiveSide", s.fxp().passiveSide().name());
        fxp.put("relay", s.fxp().relay().name());
        n.put("protectData", s.protectData());
        n.put("uploadViaTempName", s.uploadViaTempName());
        n.put("keepTimes", s.keepTimes());
        SiteProxy own = s.proxy().own();
        if (own != null) {
            ObjectNode proxy = n.putObject("proxy");
            proxy.put("type", own.type().name());
            proxy.put("host", own.host());
            proxy.put("port", own.port());
            proxy.put("user", own.user());
        } else if (s.proxy() == ProxyUse.DEFAULT) {
            // A key of its own: a site without "proxy" has always meant a direct connection.
            n.put("useDefaultProxy", true);
        }
        n.put("protocol", s.protocol().name());
        if (s.isSftp()) {
            n.putObject("ssh").put("keyFile", s.ssh().keyFile()).put("useAgent", s.ssh().useAgent());
        }
        return n;
    }

    private static SiteProfile site(JsonNode n) {
        String id = required(n, "id");
        List<String> folder = new ArrayList<>();
        n.path("folder").forEach(f -> folder.add(f.asText()));
        try {
            JsonNode d = n.path("data");
            DataConnectionSettings data = new DataConnectionSettings(named(DataConnectionMode.class, d, "mode", "PASSIVE"),
                    d.path("preferEpsv").asBoolean(true), d.path("usePasvAddress").asBoolean(false),
                    text(d, "activeBindAddress"), d.path("activePortMin").asInt(0), d.path("activePortMax").asInt(0),
                    text(d, "activeExternalAddress"), d.path("preferEprt").asBoolean(false));
            JsonNode r = n.path("representation");
            Representation repr = new Representation(TransferType.fromCode(code(r, "type", "I")),
                    FormatControl.fromCode(code(r, "format", "N")), r.path("byteSize").asInt(8),
                    FileStructure.fromCode(code(r, "structure", "F")), TransferMode.fromCode(code(r, "mode", "S")),
                    codePage(r.path("ebcdicCodePage").asText("IBM1047")));
            List<Bookmark> bookmarks = new ArrayList<>();
            for (JsonNode b : n.path("bookmarks")) {
                bookmarks.add(new Bookmark(b.path("name").asText(""), text(b, "localDir"), text(b, "remoteDir")));
            }
            SiteProfileBuilder b = SiteProfile.builder(id, required(n, "name"), n.path("host").asText("")).folder(folder)
                    .port(n.path("port").asInt(21)).tls(named(TlsMode.class, n, "tls", "NONE"))
                    .login(named(LoginType.class, n, "login", "NORMAL")).user(n.path("user").asText(""))
                    .account(text(n, "account")).charset(CharsetPolicy.parse(n.path("charset").asText("auto")))
                    .data(data).representation(repr).maxConnections(n.path("maxConnections").asInt(2))
                    .localDir(text(n, "localDir")).remoteDir(text(n, "remoteDir")).bookmarks(bookmarks)
                    .notes(n.path("notes").asText("")).colour(text(n, "colour"))
                    .protectData(n.path("protectData").asBoolean(true))
                    .uploadViaTempName(n.path("uploadViaTempName").asBoolean(true))
                    .keepTimes(n.path("keepTimes").asBoolean(true));
            b.protocol(named(SiteProtocol.class, n, "protocol", "FTP"));
            JsonNode ssh = n.path("ssh");
            if (ssh.isObject()) {
                b.ssh(new SshKeys(text(ssh, "keyFile"), bool(ssh, "useAgent", "ssh")));
            }
            JsonNode proxy = n.path("proxy");
            b.proxyUse(n.path("useDefaultProxy").asBoolean(false) ? ProxyUse.DEFAULT : ProxyUse.DIRECT);
            if (proxy.isObject()) {
                ProxySettings.Type type = named(ProxySettings.Type.class, proxy, "type", "SOCKS5");
                b.proxy(new SiteProxy(type, proxy.path("host").asText(""),
                        proxy.path("port").asInt(SiteProxy.defaultPort(type)), proxy.path("user").asText("")));
            }
            JsonNode auto = n.path("autoAscii");
            if (auto.isObject()) {
                List<String> ext = new ArrayList<>();
                auto.path("extensions").forEach(x -> ext.add(x.asText()));
                b.autoAscii(new AutoAscii(auto.path("enabled").asBoolean(false), ext));
            }
            JsonNode t = n.path("timeouts");
            if (t.isObject()) {
                Timeouts def = Timeouts.DEFAULT;
                b.timeouts(new Timeouts(Duration.ofSeconds(t.path("connectSeconds").asLong(def.connect().toSeconds())),
                        Duration.ofSeconds(t.path("replySeconds").asLong(def.reply().toSeconds())),
                        Duration.ofSeconds(t.path("dataSeconds").asLong(def.data().toSeconds()))));
            }
            if (n.has("keepAliveSeconds")) {
                b.keepAlive(Duration.ofSeconds(n.path("keepAliveSeconds").asLong()));
            }
            JsonNode fxp = n.path("fxp");
            if (fxp.isObject()) {
                b.fxp(new FxpPreferences(named(FxpPassiveSide.class, fxp, "passiveSide", "AUTO"),
                        named(FxpRelay.class, fxp, "relay", "NEVER")));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("site " + id + ": " + e.getMessage(), e);
        }
    }

    private static String charset(CharsetPolicy c) {
        if (c instanceof CharsetPolicy.Named named) {
            return named.charset().name();
        }
        return c instanceof CharsetPolicy.Utf8 ? "utf-8" : "auto";
    }

    /** The one-letter RFC 959 code of a representation field (TYPE, format, STRU, MODE). */
    private static char code(JsonNode r, String field, String fallback) {
        String v = r.path(field).asText(fallback);
        if (v.length() != 1) {
            throw new IllegalArgumentException("representation " + field + " \"" + v + "\" is not a one-letter code");
        }
        return v.charAt(0);
    }

    private static Charset codePage(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown EBCDIC code page \"" + name + "\"", e);
        }
    }

    private static <E extends Enum<E>> E named(Class<E> type, JsonNode n, String field, String fallback) {
        String v = n.path(field).asText(fallback);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + field + " \"" + v + "\"", e);
        }
    }

    /** A true/false field; absent is false, anything else but a boolean is refused. */
    private static boolean bool(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(where + " " + field + " \"" + v.asText() + "\" is not true or false");
        }
        return v.booleanValue();
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("a site has no \"" + field + "\"");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
