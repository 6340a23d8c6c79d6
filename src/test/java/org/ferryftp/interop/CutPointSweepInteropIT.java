package org.ferryftp.interop;

import org.ferryftp.transfer.CutPointSweep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's seeded cut-point sweep against the real vsftpd: download and upload on the plain instance,
 * FXP and relay from fxp-a to fxp-b, each with fewer points than against MINA. Same properties as
 * {@code CutPointSweepTest}: {@code -Dferry.sweep.points=N}, {@code -Dferry.sweep.seed=N}.
 */
class CutPointSweepInteropIT {

    static final int POINTS = 10;
    static final List<CutPointSweep.Summary> SUMMARIES = new CopyOnWriteArrayList<>();

    @TempDir
    Path local;
    VsftpdServer plain;
    String work;

    @BeforeEach
    void prepare() {
        plain = VsftpdServer.fromEnvironment();
        work = "cut-point-sweep-" + UUID.randomUUID();
    }

    @AfterAll
    static void total() {
        if (!SUMMARIES.isEmpty()) {
            System.out.println(CutPointSweep.Summary.total(SUMMARIES));
        }
    }

    CutPointSweep.Server server(String hostPortVariable, String rootVariable) {
        String hostPort = System.getenv(hostPortVariable);
        assertTrue(hostPort != null && hostPort.contains(":"), hostPortVariable + " is not set: rerun .ci/vsftpd.sh");
        int colon = hostPort.lastIndexOf(':');
        return new CutPointSweep.Server(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)),
                plain.user(), plain.password(), Path.of(System.getenv(rootVariable)));
    }

    CutPointSweep.Server plainServer() {
        return new CutPointSweep.Server(plain.host(), plain.port(), plain.user(), plain.password(), plain.root());
    }

    void sweep(CutPointSweep.Case kind, CutPointSweep.Server first, CutPointSweep.Server second, String method)
            throws Exception {
        CutPointSweep sweep = new CutPointSweep(kind, first, second, local, work);
        CutPointSweep.Summary summary = sweep.sweep(CutPointSweep.seeds(1, POINTS));
        System.out.println(summary.line() + " (vsftpd)");
        // Runs that ended failed without a violation: no harm done, but worth reading.
        summary.runs().stream().filter(r -> !r.done() && r.violations().isEmpty())
                .forEach(r -> System.out.println("  not done: " + r.describe()));
        SUMMARIES.add(summary);
        assertTrue(summary.violations().isEmpty(), summary.report("source /tmp/ferry-vsftpd/env; mvn -B -o verify "
                + "-Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='CutPointSweepInteropIT#" + method + "'"));
    }

    @Test
    void download() throws Exception {
        sweep(CutPointSweep.Case.DOWNLOAD, plainServer(), null, "download");
    }

    @Test
    void upload() throws Exception {
        sweep(CutPointSweep.Case.UPLOAD, plainServer(), null, "upload");
    }

    @Test
    void fxp() throws Exception {
        sweep(CutPointSweep.Case.FXP, server("FERRY_VSFTPD_FXP_A", "FERRY_VSFTPD_FXP_A_ROOT"),
                server("FERRY_VSFTPD_FXP_B", "FERRY_VSFTPD_FXP_B_ROOT"), "fxp");
    }

    @Test
    void relay() throws Exception {
        sweep(CutPointSweep.Case.RELAY, server("FERRY_VSFTPD_FXP_A", "FERRY_VSFTPD_FXP_A_ROOT"),
                server("FERRY_VSFTPD_FXP_B", "FERRY_VSFTPD_FXP_B_ROOT"), "relay");
    }
}
