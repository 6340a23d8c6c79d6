package org.ferryftp.ftp;

import org.ferryftp.session.RemoteTree;

import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferMode;
import org.ferryftp.testsupport.LoginScript;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.testsupport.ScriptedServerFixture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login paths, data connection modes and misbehaving servers, against Ferry's scripted test server. */
class ScriptedSessionTest {

    @AutoClose
    final ScriptedServerFixture scripted = new ScriptedServerFixture();
    final ScriptedFtpServer server = scripted.server();
    final List<LogEntry> log = scripted.log();

    @Test
    void userAloneCanLogIn() throws Exception {
        server.loginScript(LoginScript.NO_PASSWORD);
        try (FtpSession s = scripted.connect()) {
            assertEquals("/", s.pwd());
        }
        assertFalse(server.commands().stream().anyMatch(c -> c.startsWith("PASS")));
    }

    @Test
    void accountIsSentWhenThePasswordAsksForIt() throws Exception {
        server.loginScript(LoginScript.ACCOUNT).account("dept-42");
        try (FtpSession s = scripted.connect(scripted.settings(new Credentials("ferry", "secret", "dept-42")))) {
            assertEquals("/", s.pwd());
        }
        assertEquals("dept-42", server.lastArgument("ACCT"));
        assertTrue(log.stream().anyMatch(e -> e.text().equals("ACCT ****")));
        assertFalse(log.stream().anyMatch(e -> e.text().contains("dept-42")));
    }

    @Test
    void accountStraightAfterUser() throws Exception {
        server.loginScript(LoginScript.ACCOUNT_AFTER_USER).account("acct");
        try (FtpSession s = scripted.connect(scripted.settings(new Credentials("ferry", null, "acct")))) {
            assertEquals("/", s.pwd());
        }
        assertFalse(server.commands().stream().anyMatch(c -> c.startsWith("PASS")));
    }

    @Test
    void missingAccountIsExplained() {
        server.loginScript(LoginScript.ACCOUNT);
        FtpRefusedException e = assertThrows(FtpRefusedException.class, scripted::connect);
        assertTrue(e.getMessage().contains("asks for an account (ACCT)"), e.getMessage());
    }

    @Test
    void defaultDataPortSendsNoPortOrPasv() throws Exception {
        byte[] data = "default port data\r\n\0\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        server.putFile("/d.bin", data);
        try (FtpSession s = scripted.connect(scripted.settings(Credentials.of("ferry", "secret"))
                .withData(DataConnectionSettings.PASSIVE.withMode(DataConnectionMode.DEFAULT_PORT)))) {
            assertArrayEquals(data, MinaSessionTest.download(s, "/d.bin"));
            assertArrayEquals(data, MinaSessionTest.download(s, "/d.bin"));
        }
        assertFalse(server.commands().stream().anyMatch(c -> c.matches("(PORT|EPRT|PASV|EPSV).*")), server.commands().toString());
    }

    @Test
    void pasvAddressIsIgnoredUnlessAllowed() throws Exception {
        server.putFile("/p.bin", new byte[] {1, 2, 3});
        server.features("UTF8", "SIZE").pasvReplyAddress("127.0.0.2");
        try (FtpSession s = scripted.connect()) {
            assertArrayEquals(new byte[] {1, 2, 3}, MinaSessionTest.download(s, "/p.bin"));
        }
        try (FtpSession s = scripted.connect(scripted.settings(Credentials.of("ferry", "secret"))
                .withData(DataConnectionSettings.PASSIVE.withUsePasvAddress(true)))) {
            FtpException e = assertThrows(FtpException.class, () -> MinaSessionTest.download(s, "/p.bin"));
            assertTrue(e.getMessage().startsWith("cannot open the data connection to 127.0.0.2:"), e.getMessage());
        }
    }

    @Test
    void activeModeUsesPortRangeAndExternalAddress() throws Exception {
        server.putFile("/a.bin", new byte[] {9, 8, 7});
        DataConnectionSettings active = DataConnectionSettings.ACTIVE.withActive("0.0.0.0", 40100, 40120, "127.0.0.2");
        try (FtpSession s = scripted.connect(scripted.settings(Credentials.of("ferry", "secret")).withData(active))) {
            assertArrayEquals(new byte[] {9, 8, 7}, MinaSessionTest.download(s, "/a.bin"));
        }
        String[] port = server.lastArgument("PORT").split(",");
        assertEquals("127,0,0,2", String.join(",", port[0], port[1], port[2], port[3]));
        int p = Integer.parseInt(port[4]) * 256 + Integer.parseInt(port[5]);
        assertTrue(p >= 40100 && p <= 40120, "port " + p);
    }

    @Test
    void eprtWhenPreferred() throws Exception {
        server.putFile("/e.bin", new byte[] {5});
        try (FtpSession s = scripted.connect(scripted.settings(Credentials.of("ferry", "secret"))
                .withData(DataConnectionSettings.ACTIVE.withPreferEprt(true)))) {
            assertArrayEquals(new byte[] {5}, MinaSessionTest.download(s, "/e.bin"));
        }
        assertTrue(server.lastArgument("EPRT").startsWith("|1|127.0.0.1|"), server.lastArgument("EPRT"));
    }

    @Test
    void silentServerTimesOut() throws Exception {
        server.stall("PWD");
        try (FtpSession s = scripted.connect()) {
            FtpTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(FtpTimeoutException.class, s::pwd));
            assertTrue(e.getMessage().contains("did not answer within 1 s"), e.getMessage());
            assertTrue(e.isConnectionBroken());
        }
    }

    /** The reply timeout bounds the whole reply, not each read: a reply that trickles a line every 50 ms ends. */
    @Test
    void aReplyThatTricklesForeverFailsWithinTwiceTheReplyTimeout() throws Exception {
        server.trickle("SYST", 50);
        try (FtpSession s = scripted.connect()) {
            long start = System.nanoTime();
            FtpTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(FtpTimeoutException.class, s::system));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2_000, "took " + millis + " ms with a 1 s reply timeout");
            assertTrue(e.getMessage().contains("within 1 s"), e.getMessage());
            assertTrue(e.isConnectionBroken());
        }
    }

    @Test
    void aGreetingThatTricklesForeverFailsWithinTwiceTheReplyTimeout() {
        server.trickle("", 50);
        long start = System.nanoTime();
        FtpException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(FtpException.class, scripted::connect));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "took " + millis + " ms with a 1 s reply timeout");
        assertTrue(e.getMessage().contains("within 1 s"), e.getMessage());
    }

    @Test
    void silentGreetingTimesOut() {
        server.greeting("");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(FtpException.class, scripted::connect));
    }

    @Test
    void stalledDataConnectionTimesOut() throws Exception {
        server.putFile("/slow.bin", new byte[100_000]);
        server.stallData("/slow.bin", 10_000);
        try (FtpSession s = scripted.connect()) {
            FtpException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> assertThrows(FtpException.class, () -> MinaSessionTest.download(s, "/slow.bin")));
            assertTrue(e.getMessage().contains("silent for 1 s"), e.getMessage());
        }
    }

    /** After a data timeout, ABOR's replies get 5 s in all, then the control connection is dropped. */
    @Test
    void aStalledTransferWhoseServerIgnoresAborFailsWithinTheDataTimeoutPlusFiveSeconds() throws Exception {
        server.putFile("/slow.bin", new byte[100_000]);
        server.stallData("/slow.bin", 10_000);
        server.trickle("ABOR", 50);
        try (FtpSession s = scripted.connect(scripted.settings(Credentials.of("ferry", "secret"))
                .withTimeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(1))))) {
            long start = System.nanoTime();
            FtpException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(FtpException.class, () -> MinaSessionTest.download(s, "/slow.bin")));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 6_500, "took " + millis + " ms: 1 s data timeout + 5 s for ABOR");
            assertTrue(e.getMessage().contains("silent for 1 s"), e.getMessage());
        }
    }

    @Test
    void endlessReplyLineIsCutOff() throws Exception {
        server.script("PWD", "257 \"" + "x".repeat(10_000_000) + "\"\r\n");
        try (FtpSession s = scripted.connect()) {
            FtpProtocolException e = assertThrows(FtpProtocolException.class, s::pwd);
            assertTrue(e.getMessage().contains("reply line longer than"), e.getMessage());
        }
    }

    @Test
    void endlessMultiLineReplyIsCutOff() throws Exception {
        StringBuilder reply = new StringBuilder("215-start\r\n");
        String line = " still going " + "y".repeat(80) + "\r\n";
        reply.append(line.repeat(100_000)).append("215 end\r\n");
        server.script("SYST", reply.toString());
        try (FtpSession s = scripted.connect()) {
            FtpProtocolException e = assertThrows(FtpProtocolException.class, s::system);
            assertTrue(e.getMessage().contains("reply longer than"), e.getMessage());
        }
    }

    @Test
    void malformedReplyIsReported() throws Exception {
        server.script("NOOP", "xyz\r\n");
        try (FtpSession s = scripted.connect()) {
            FtpProtocolException e = assertThrows(FtpProtocolException.class, s::noop);
            assertTrue(e.getMessage().contains("malformed reply"), e.getMessage());
        }
    }

    @Test
    void afterAWorkingEpsvTheNextOneGoesOutTogetherWithTheTransferCommand() throws Exception {
        server.putFile("/a.bin", "first".getBytes());
        server.putFile("/b.bin", "second".getBytes());
        try (FtpSession s = scripted.connect()) {
            assertArrayEquals("first".getBytes(), MinaSessionTest.download(s, "/a.bin"));
            log.clear();
            assertArrayEquals("second".getBytes(), MinaSessionTest.download(s, "/b.bin"));
            s.noop();
        }
        List<String> texts = log.stream().map(LogEntry::text).toList();
        int epsv = texts.indexOf("EPSV");
        int retr = texts.indexOf("RETR /b.bin");
        int reply = texts.stream().filter(t -> t.startsWith("229")).findFirst().map(texts::indexOf).orElse(-1);
        assertTrue(epsv >= 0 && retr == epsv + 1 && reply > retr, "pipelined: " + texts);
        assertTrue(texts.contains("200 NOOP ok."), "replies stay in step: " + texts);
    }

    @Test
    void aRenameSendsRnfrAndRntoTogether() throws Exception {
        server.putFile("/a.part", "data".getBytes());
        try (FtpSession s = scripted.connect()) {
            log.clear();
            s.rename("/a.part", "/a.bin");
            s.noop();
        }
        List<String> texts = log.stream().map(LogEntry::text).toList();
        int rnfr = texts.indexOf("RNFR /a.part");
        int rnto = texts.indexOf("RNTO /a.bin");
        int ready = texts.stream().filter(t -> t.startsWith("350")).findFirst().map(texts::indexOf).orElse(-1);
        assertTrue(rnfr >= 0 && rnto == rnfr + 1 && ready > rnto, "pipelined: " + texts);
        assertTrue(server.exists("/a.bin") && !server.exists("/a.part"));
        assertTrue(texts.contains("200 NOOP ok."), "replies stay in step: " + texts);
    }

    @Test
    void aRefusedRnfrIsReportedAndTheRntoSentWithItRenamesNothing() throws Exception {
        server.putFile("/b.bin", "other".getBytes());
        try (FtpSession s = scripted.connect()) {
            FtpRefusedException e = assertThrows(FtpRefusedException.class, () -> s.rename("/missing", "/b.bin"));
            assertTrue(e.getMessage().contains("RNFR /missing"), e.getMessage());
            assertEquals("/", s.pwd(), "replies stay in step");
        }
        assertArrayEquals("other".getBytes(), server.file("/b.bin"));
    }

    @Test
    void aSizeCheckAsksNoTime() throws Exception {
        server.putFile("/c.bin", new byte[7]);
        try (FtpSession s = scripted.connect()) {
            assertEquals(7, s.storedSize("/c.bin"));
            assertInstanceOf(org.ferryftp.session.RemoteFileStatus.Absent.class, s.sizeStatus("/none"));
        }
        assertTrue(server.commands().contains("SIZE /c.bin"), server.commands().toString());
        assertFalse(server.commands().stream().anyMatch(c -> c.startsWith("MDTM")), server.commands().toString());
    }

    @Test
    void twoSizeChecksGoOutTogether() throws Exception {
        server.putFile("/d.part", new byte[9]);
        try (FtpSession s = scripted.connect()) {
            s.sizeStatus("/d.part"); // TYPE I first, so the pair is alone in the log below
            log.clear();
            List<org.ferryftp.session.RemoteFileStatus> found = s.sizeStatuses("/d.part", "/d.bin");
            assertEquals(9, ((org.ferryftp.session.RemoteFileStatus.Present) found.get(0)).size());
            assertInstanceOf(org.ferryftp.session.RemoteFileStatus.Absent.class, found.get(1));
            s.noop();
        }
        List<String> texts = log.stream().map(LogEntry::text).toList();
        int first = texts.indexOf("SIZE /d.part");
        int second = texts.indexOf("SIZE /d.bin");
        int reply = texts.stream().filter(t -> t.startsWith("213")).findFirst().map(texts::indexOf).orElse(-1);
        assertTrue(first >= 0 && second == first + 1 && reply > second, "pipelined: " + texts);
        assertTrue(texts.contains("200 NOOP ok."), "replies stay in step: " + texts);
    }

    @Test
    void sizeChecksTogetherFallBackToListingsWhereSizeIsNotImplemented() throws Exception {
        server.putFile("/e.part", new byte[5]);
        server.refusesAdvertised(org.ferryftp.testsupport.Rfc959Extension.SIZE, 502);
        try (FtpSession s = scripted.connect()) {
            List<org.ferryftp.session.RemoteFileStatus> found = s.sizeStatuses("/e.part", "/e.bin");
            assertEquals(5, ((org.ferryftp.session.RemoteFileStatus.Present) found.get(0)).size());
            assertInstanceOf(org.ferryftp.session.RemoteFileStatus.Absent.class, found.get(1));
            assertEquals("/", s.pwd(), "replies stay in step");
        }
    }

    @Test
    void sizeChecksTogetherAskSizeOnceWhereItIsNotImplemented() throws Exception {
        server.putFile("/f.part", new byte[5]);
        server.refusesAdvertised(org.ferryftp.testsupport.Rfc959Extension.SIZE, 502);
        try (FtpSession s = scripted.connect()) {
            s.sizeStatuses("/f.part", "/f.bin");
            s.sizeStatuses("/f.part", "/f.bin");
        }
        // The pair's two refusals withdraw SIZE for the session: neither path is asked again.
        assertEquals(List.of("SIZE /f.part", "SIZE /f.bin"),
                server.commands().stream().filter(c -> c.startsWith("SIZE")).toList());
    }

    @Test
    void aRenameKeepingTheTimeSetsItOnTheWayInTheSameWrite() throws Exception {
        server.putFile("/t.part", "data".getBytes());
        java.time.Instant time = java.time.Instant.parse("2020-02-03T04:05:06Z");
        try (FtpSession s = scripted.connect()) {
            log.clear();
            assertTrue(s.renameKeepingTime("/t.part", "/t.bin", time));
        }
        List<String> texts = log.stream().map(LogEntry::text).toList();
        int mfmt = texts.indexOf("MFMT 20200203040506 /t.part");
        int reply = texts.stream().filter(t -> t.startsWith("213")).findFirst().map(texts::indexOf).orElse(-1);
        assertTrue(mfmt >= 0 && texts.indexOf("RNFR /t.part") == mfmt + 1 && texts.indexOf("RNTO /t.bin") == mfmt + 2
                && reply > mfmt + 2, "pipelined: " + texts);
        assertEquals(time, server.modifiedTime("/t.bin"));
        assertFalse(server.exists("/t.part"));
    }

    @Test
    void aRenameKeepingTheTimeWhereMfmtIsNotImplementedRenamesAndLeavesTheTimeToTheNextWay() throws Exception {
        server.putFile("/u.part", "data".getBytes());
        server.refusesAdvertised(org.ferryftp.testsupport.Rfc959Extension.MFMT, 502).siteUtime(2);
        java.time.Instant time = java.time.Instant.parse("2021-02-03T04:05:06Z");
        try (FtpSession s = scripted.connect()) {
            assertFalse(s.renameKeepingTime("/u.part", "/u.bin", time));
            assertTrue(server.exists("/u.bin"));
            s.setModificationTime("/u.bin", time); // the caller's next way: not MFMT again
        }
        assertEquals(1, server.commands().stream().filter(c -> c.startsWith("MFMT")).count(), server.commands().toString());
        assertEquals(time, server.modifiedTime("/u.bin"));
    }

    @Test
    void aPipelinedEpsvThatFailsEndsTheSessionCleanlyIfTheServerStartedAnyway() throws Exception {
        server.putFile("/a.bin", "first".getBytes());
        server.putFile("/b.bin", "second".getBytes());
        try (FtpSession s = scripted.connect()) {
            MinaSessionTest.download(s, "/a.bin");
            server.script("EPSV", "500 EPSV is off now\r\n");
            FtpException e = assertThrows(FtpException.class, () -> MinaSessionTest.download(s, "/b.bin"));
            assertTrue(e.getMessage().contains("500 EPSV is off now") || e.getMessage().contains("EPSV"), e.getMessage());
            assertTrue(e.isConnectionBroken());
        }
    }

    @Test
    void aRefusedCommandIsReportedAsSuchEvenWhenTheDataPortIsAlreadyClosed() throws Exception {
        // The server answers RETR with 550 and has closed its passive port before Ferry connects (MINA
        // does this): the refusal is what counts, and the session stays in step.
        server.script("EPSV", "229 Entering Extended Passive Mode (|||1|)\r\n");
        server.script("RETR", "550 No such file.\r\n");
        try (FtpSession s = scripted.connect()) {
            FtpRefusedException e = assertThrows(FtpRefusedException.class, () -> MinaSessionTest.download(s, "/x.bin"));
            assertEquals(550, e.reply().code());
            assertEquals("/", s.pwd());
        }
    }

    @Test
    void vanishingServerIsReported() throws Exception {
        server.putFile("/x.bin", new byte[10]);
        server.dropOn("RETR");
        try (FtpSession s = scripted.connect()) {
            FtpException e = assertThrows(FtpException.class, () -> MinaSessionTest.download(s, "/x.bin"));
            assertTrue(e.getMessage().contains("closed the connection"), e.getMessage());
            assertTrue(e.isConnectionBroken());
        }
    }

    @Test
    void abortWhileTheServerStallsKeepsRepliesInStep() throws Exception {
        server.putFile("/stall.bin", new byte[1_000_000]);
        server.stallData("/stall.bin", 100_000);
        try (FtpSession s = scripted.connect(scripted.settings(Credentials.of("ferry", "secret"))
                .withTimeouts(Timeouts.ofSeconds(5, 5, 30)))) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            assertThrows(TransferAbortedException.class, () -> s.retrieve("/stall.bin", sink, 0, bytes -> {
                if (bytes >= 100_000) {
                    // Cancel from another thread while this one is blocked reading.
                    new Thread(s::abort).start();
                }
            }));
            assertEquals("/", s.pwd());
            assertEquals(200, s.noop().code());
        }
        assertTrue(server.commands().contains("ABOR"));
    }

    @Test
    void cancelWhileDataFlowsSendsAborBeforeClosingTheDataConnection() throws Exception {
        // ProFTPD's mod_tls ends the whole session when the client breaks a TLS data connection it is writing
        // to; sending ABOR first lets the server stop and close it itself.
        server.putFile("/big.bin", new byte[20_000_000]);
        try (FtpSession s = scripted.connect()) {
            assertThrows(TransferAbortedException.class, () -> s.retrieve("/big.bin",
                    OutputStream.nullOutputStream(), 0, bytes -> {
                        if (bytes > 1_000_000) {
                            s.abort();
                        }
                    }));
            assertEquals(200, s.noop().code());
        }
        assertTrue(server.commands().contains("ABOR"));
        assertEquals(0, server.transfersBrokenByTheClient());
    }

    @Test
    void fileCommandsAndChmod() throws Exception {
        server.putFile("/f.txt", "hello".getBytes());
        try (FtpSession s = scripted.connect()) {
            assertEquals(5, s.size("/f.txt"));
            s.chmod("640", "/f.txt");
            assertThrows(FtpSettingException.class, () -> s.chmod("rwx", "/f.txt"));
            s.rename("/f.txt", "/g.txt");
            new RemoteTree(s).makeDirectories("/x/y");
            s.delete("/g.txt");
        }
        assertTrue(server.commands().contains("SITE CHMOD 640 /f.txt"));
        assertTrue(server.isDirectory("/x/y"));
        assertFalse(server.exists("/g.txt"));
    }

    @Test
    void unparseableListingLinesAreKept() throws Exception {
        server.features("UTF8", "SIZE");
        server.mkdir("/d");
        server.setListing("/d", "LIST", List.of(
                "-rw-r--r--    1 ftp      ftp          1234 Mar 01  2021 good.txt",
                "?? garbled line from a confused server"));
        try (FtpSession s = scripted.connect()) {
            ListingResult r = s.list("/d");
            assertEquals(1, r.entries().size());
            assertEquals(List.of("?? garbled line from a confused server"), r.unparsed());
        }
    }

    @Test
    void headerAndTotalLinesAreSkippedOnPurposeAndLogged() throws Exception {
        server.features("UTF8", "SIZE").systemName("VMS V7.3");
        server.mkdir("/v");
        server.setListing("/v", "LIST", List.of("Directory DISK$USER:[BOB]", "",
                "FOO.TXT;1    1/3  1-APR-1997 11:34:40  [BOB]  (RWED,RWED,RE,)", "", "Total of 1 file, 1/3 blocks."));
        try (FtpSession s = scripted.connect()) {
            ListingResult r = s.list("/v");
            assertEquals(List.of("FOO.TXT;1"), r.entries().stream().map(RemoteEntry::name).toList());
            assertEquals(List.of("Directory DISK$USER:[BOB]", "Total of 1 file, 1/3 blocks."), r.skipped());
            assertTrue(log.stream().anyMatch(e -> e.text().equals(
                    "listing: skipped 2 header or total line(s), e.g. \"Directory DISK$USER:[BOB]\"")), log.toString());
        }
    }

    @Test
    void refusedStructureIsReportedInPlainWords() throws Exception {
        server.putFile("/r.txt", new byte[] {'a'});
        server.refuse("STRU", "R");
        Representation r = Representation.ASCII.withStructure(org.ferryftp.ftp.repr.FileStructure.RECORD);
        try (FtpSession s = scripted.connect(scripted.settings(Credentials.of("ferry", "secret"))
                .withRepresentation(r))) {
            FtpRefusedException e = assertThrows(FtpRefusedException.class, () -> MinaSessionTest.download(s, "/r.txt"));
            assertEquals("server refused STRU R: 504 STRU R not implemented for that parameter", e.getMessage());
            assertEquals(200, s.noop().code());
        }
        assertFalse(server.commands().contains("RETR /r.txt"));
    }

    @Test
    void deflateNeedsTheFeature() throws Exception {
        server.features("UTF8");
        try (FtpSession s = scripted.connect(scripted.settings(Credentials.of("ferry", "secret"))
                .withRepresentation(Representation.BINARY.withMode(TransferMode.DEFLATE)))) {
            FtpSettingException e = assertThrows(FtpSettingException.class, () -> MinaSessionTest.download(s, "/x"));
            assertTrue(e.getMessage().contains("does not offer MODE Z"), e.getMessage());
        }
        assertFalse(server.commands().contains("MODE Z"));
    }
}
