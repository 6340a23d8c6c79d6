package org.ferryftp.interop;

import org.apache.commons.io.file.PathUtils;
import org.ferryftp.cli.CliRun;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.session.RawCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploaded files keep their local modification time on every server that can set one (ProFTPD and Pure-FTPd by
 * MFMT, vsftpd by MDTM with a time), directories too where the server allows it (ProFTPD, Pure-FTPd; vsftpd sets
 * no directory's time), and a server that can set none (the RFC 959-only one) is named once, not once a file.
 * Also: both SITE UTIME forms, as the CI's ProFTPD and Pure-FTPd take them.
 */
class TimestampsInteropIT {

    static final String SERVERS = "VSFTPD|PROFTPD|PUREFTPD|RFC959";
    static final Instant FILE_TIME = Instant.parse("2021-03-04T05:06:07Z");
    static final Instant DIR_TIME = Instant.parse("2020-01-02T03:04:05Z");

    @TempDir
    Path local;
    Path serverDir;
    final CliRun cli = new CliRun();

    @AfterEach
    void cleanUp() throws Exception {
        if (serverDir != null && Files.exists(serverDir)) {
            PathUtils.deleteDirectory(serverDir);
        }
    }

    static String url(MatrixServer.Endpoint e, String dir) {
        return "ftp://" + e.user() + ":" + e.password() + "@" + e.host() + ":" + e.port() + "/" + dir;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MatrixServer.class, names = SERVERS, mode = EnumSource.Mode.MATCH_ANY)
    void uploadsKeepTheirTimesOrTheSiteIsNamedOnce(MatrixServer on) throws Exception {
        MatrixServer.Endpoint e = on.endpoint();
        String dir = "wt-sync21-times-" + UUID.randomUUID();
        serverDir = e.root().resolve(dir);
        Path src = Files.createDirectories(local.resolve("src"));
        for (String f : List.of("a.txt", "sub/b.txt", "sub/c.txt")) {
            Path p = src.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "content of " + f);
            Files.setLastModifiedTime(p, FileTime.from(FILE_TIME));
        }
        Files.setLastModifiedTime(src.resolve("sub"), FileTime.from(DIR_TIME));

        assertEquals(0, cli.ferry("mirror", "--log", src.toString(), url(e, dir)), cli.err());
        String err = cli.err();
        long notices = err.lines().filter(l -> l.contains("cannot set modification times")
                && l.contains("Said once")).count();
        boolean setsTimes = on != MatrixServer.RFC959;
        for (String f : List.of("a.txt", "sub/b.txt", "sub/c.txt")) {
            assertEquals(-1, Files.mismatch(src.resolve(f), serverDir.resolve(f)), f);
            Instant there = Files.getLastModifiedTime(serverDir.resolve(f)).toInstant();
            assertEquals(setsTimes, FILE_TIME.equals(there), f + " on " + on + ": " + there);
        }
        assertEquals(setsTimes ? 0 : 1, notices, err);
        assertTrue(err.contains(switch (on) {
            case PROFTPD, PUREFTPD -> "→ MFMT 20210304050607";
            case VSFTPD -> "→ MDTM 20210304050607";
            default -> "→ SITE UTIME";
        }), err);

        boolean setsDirectoryTimes = on == MatrixServer.PROFTPD || on == MatrixServer.PUREFTPD;
        assertEquals(setsDirectoryTimes, DIR_TIME.equals(Files.getLastModifiedTime(serverDir.resolve("sub"))
                .toInstant()), "sub/ on " + on);
        assertEquals(!setsDirectoryTimes, err.contains("the target cannot set directories' times"), err);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MatrixServer.class, names = "PROFTPD|PUREFTPD", mode = EnumSource.Mode.MATCH_ANY)
    void bothSiteUtimeFormsSetTheTime(MatrixServer on) throws Exception {
        MatrixServer.Endpoint e = on.endpoint();
        String dir = "wt-sync21-utime-" + UUID.randomUUID();
        serverDir = e.root().resolve(dir);
        Path file = serverDir.resolve("f.txt");
        try (FtpSession s = new FtpSession(e.settings(), on.label, entry -> { })) {
            s.connect();
            s.makeDirectory(dir); // made and written by the FTP user, who may then set its times
            s.upload(dir + "/f.txt", new java.io.ByteArrayInputStream("f".getBytes()), 0, org.ferryftp.session.TransferListener.NONE);
            RawCommands raw = s.feature(RawCommands.class).orElseThrow();
            String two = raw.send("SITE UTIME 20190203040506 " + dir + "/f.txt");
            assertFalse(two.startsWith("5"), two);
            assertEquals(Instant.parse("2019-02-03T04:05:06Z"), Files.getLastModifiedTime(file).toInstant(), two);
            String five = raw.send("SITE UTIME " + dir + "/f.txt 20180203040506 20180203040506 20180203040506 UTC");
            assertFalse(five.startsWith("5"), five);
            assertEquals(Instant.parse("2018-02-03T04:05:06Z"), Files.getLastModifiedTime(file).toInstant(), five);
        }
    }
}
