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
import org.ferryftp.site.Bookmark;
import org.ferryftp.site.LoginType;
import org.ferryftp.site.SiteProfile;
import org.ferryftp.site.TlsMode;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The site file's JSON form, written field by field (not by reflection) so the format is explicit,
 * versioned and independent of class names. Version 1 is the first; {@link #migrate} upgrades older
 * documents when there are any.
 */
final class SiteJson {

    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SiteJson() {
    }

    static String write(List<SiteProfile> sites) throws JsonProcessingException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("sites");
        for (SiteProfile s : sites) {
            list.add(site(s));
        }
        return MAPPER.writeValueAsString(root);
    }

    /** Parses a document; throws IllegalArgumentException with a plain reason when it is not one. */
    static List<SiteProfile> read(String json) throws JsonProcessingException {
        JsonNode root = migrate(MAPPER.readTree(json));
        List<SiteProfile> sites = new ArrayList<>();
        for (JsonNode n : root.path("sites")) {
            sites.add(site(n));
        }
        return sites;
    }

    private static JsonNode migrate(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("sites").isArray()) {
            throw new IllegalArgumentException("not a Ferry site file (no \"sites\" list)");
        }
        int version = root.path("version").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("site file version " + version + " is not one this Ferry knows ("
                    + VERSION + ")");
        }
        return root;
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
        return n;
    }

    private static SiteProfile site(JsonNode n) {
        String id = required(n, "id");
        List<String> folder = new ArrayList<>();
        n.path("folder").forEach(f -> folder.add(f.asText()));
        JsonNode d = n.path("data");
        DataConnectionSettings data = new DataConnectionSettings(DataConnectionMode.valueOf(d.path("mode").asText("PASSIVE")),
                d.path("preferEpsv").asBoolean(true), d.path("usePasvAddress").asBoolean(false),
                text(d, "activeBindAddress"), d.path("activePortMin").asInt(0), d.path("activePortMax").asInt(0),
                text(d, "activeExternalAddress"), d.path("preferEprt").asBoolean(false));
        JsonNode r = n.path("representation");
        Representation repr = new Representation(TransferType.fromCode(r.path("type").asText("I").charAt(0)),
                FormatControl.fromCode(r.path("format").asText("N").charAt(0)), r.path("byteSize").asInt(8),
                FileStructure.fromCode(r.path("structure").asText("F").charAt(0)),
                TransferMode.fromCode(r.path("mode").asText("S").charAt(0)),
                Charset.forName(r.path("ebcdicCodePage").asText("IBM1047")));
        List<Bookmark> bookmarks = new ArrayList<>();
        for (JsonNode b : n.path("bookmarks")) {
            bookmarks.add(new Bookmark(b.path("name").asText(""), text(b, "localDir"), text(b, "remoteDir")));
        }
        try {
            return new SiteProfile(id, required(n, "name"), folder, required(n, "host"), n.path("port").asInt(21),
                    TlsMode.valueOf(n.path("tls").asText("NONE")), LoginType.valueOf(n.path("login").asText("NORMAL")),
                    n.path("user").asText(""), text(n, "account"), CharsetPolicy.parse(n.path("charset").asText("auto")),
                    data, repr, n.path("maxConnections").asInt(2), text(n, "localDir"), text(n, "remoteDir"), bookmarks,
                    n.path("notes").asText(""));
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
