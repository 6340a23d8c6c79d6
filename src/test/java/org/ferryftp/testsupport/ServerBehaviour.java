package org.ferryftp.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a test configured through {@link ScriptedFtpServer}'s setters: credentials, reply texts and misbehaviour
 * hooks. Written by the test thread and read by session threads at any time, hence volatile fields and
 * concurrent collections. Verbs are kept upper-case.
 */
final class ServerBehaviour {

    volatile LoginScript loginScript = LoginScript.PASSWORD;
    volatile String user = "ferry";
    volatile String password = "secret";
    volatile String account = "acct";
    volatile boolean anonymousAllowed;
    volatile String systemName = "UNIX Type: L8";
    volatile List<String> features = List.of("UTF8", "SIZE", "MDTM", "REST STREAM", "MFMT", "EPSV",
            "MLST type*;size*;modify*;perm*;", "MODE Z");
    volatile byte[] greeting = "220 Ferry scripted FTP server ready.\r\n".getBytes(StandardCharsets.US_ASCII);
    /** TLS (AUTH TLS, PROT, and SSCN when listed in the features), or null for plain FTP only. */
    volatile javax.net.ssl.SSLContext tls;
    /** LIST/NLST of a missing path answer 150 then "226 Transfer done (but failed to open directory).", as vsftpd does. */
    volatile boolean listsMissingLikeVsftpd;
    /** Dotted IPv4 address to advertise in 227 replies instead of 127.0.0.1, or null. */
    volatile String pasvReplyAddress;
    /** Like vsftpd: STOR creates (or truncates) the file before the data connection opens. */
    volatile boolean createsTargetOnStore;
    /** Like vsftpd: a refused STOR leaves the passive listener open, so the client's connection is never read. */
    volatile boolean keepsListenerOnRefusedStore;
    /** STOR/APPE answer 150 only once the upload's data has all arrived (the client must not wait for it). */
    volatile boolean answersUploadAfterData;
    /** Like some servers: RNTO onto an existing file is refused (553) instead of replacing it. */
    volatile boolean refusesRenameOntoFile;

    final Map<String, byte[]> scriptedReplies = new ConcurrentHashMap<>();
    final Set<String> stalledVerbs = ConcurrentHashMap.newKeySet();
    final Set<String> droppingVerbs = ConcurrentHashMap.newKeySet();
    /** Verb (or "" for the greeting) → milliseconds between the lines of a multi-line reply that never ends. */
    final Map<String, Integer> tricklingVerbs = new ConcurrentHashMap<>();
    /** Verbs carried out once more, then the connection closes before the reply (one-shot each). */
    final Set<String> droppingAfterVerbs = ConcurrentHashMap.newKeySet();
    /** "VERB ARGUMENT", both upper-case. */
    final Set<String> refusals = ConcurrentHashMap.newKeySet();
    /** The SITE UTIME forms understood, by argument count (2 and 5); none: no SITE UTIME. */
    volatile Set<Integer> siteUtimeForms = Set.of();
    /** Absolute path → bytes to send before a RETR of it stalls. */
    final Map<String, Integer> dataStalls = new ConcurrentHashMap<>();
    /** Absolute path → bytes an upload to it keeps before its data connection breaks (one-shot each). */
    final Map<String, Integer> uploadCuts = new ConcurrentHashMap<>();
    /** Absolute paths whose HASH/X* checksum is deliberately wrong. */
    final Set<String> wrongChecksums = ConcurrentHashMap.newKeySet();
    /** "VERB /dir" → raw listing lines. */
    final Map<String, List<String>> listings = new ConcurrentHashMap<>();

    /** Extensions the server does not have: each of their commands gets this refusal code. */
    final Map<Rfc959Extension, Integer> refusedExtensions = new ConcurrentHashMap<>();
    /** Refused extensions whose FEAT line is sent all the same (a server that advertises what it refuses). */
    final Set<Rfc959Extension> advertisedAnyway = ConcurrentHashMap.newKeySet();

    /** The refusal code for a command of an extension the server lacks, or null. */
    Integer refusalCode(FtpCommand command) {
        for (Map.Entry<Rfc959Extension, Integer> e : refusedExtensions.entrySet()) {
            if (e.getKey().covers(command)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The FEAT lines, without those of extensions the server lacks (unless it advertises them anyway). */
    List<String> advertisedFeatures() {
        return features.stream().filter(line -> refusedExtensions.keySet().stream()
                .noneMatch(ext -> !advertisedAnyway.contains(ext) && ext.announcedBy(line))).toList();
    }

    boolean isAnonymous(String name) {
        return anonymousAllowed && (name.equalsIgnoreCase("anonymous") || name.equalsIgnoreCase("ftp"));
    }

    boolean modeZEnabled() {
        return !refusedExtensions.containsKey(Rfc959Extension.MODE_Z)
                && features.stream().anyMatch(feature -> feature.trim().equalsIgnoreCase("MODE Z"));
    }

    boolean refuses(String verb, String argument) {
        return refusals.contains(refusalKey(verb, argument));
    }

    static String refusalKey(String verb, String argument) {
        return (verb + " " + argument.trim()).toUpperCase(Locale.ROOT);
    }

    List<String> listing(String verb, String dir) {
        return listings.get(verb + " " + dir);
    }
}
