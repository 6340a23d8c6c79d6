package org.ferryftp.transfer;

import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's seeded cut-point sweep against embedded MINA: each case copies a file through the queue
 * while one connection is cut or stalled at a seeded point. More points: {@code -Dferry.sweep.points=N};
 * one run: {@code -Dferry.sweep.seed=N}.
 */
class CutPointSweepTest {

    static final int POINTS = 50;

    static final List<CutPointSweep.Summary> SUMMARIES = new CopyOnWriteArrayList<>();

    @AfterAll
    static void total() {
        System.out.println(CutPointSweep.Summary.total(SUMMARIES));
    }

    @TempDir
    Path rootA;
    @TempDir
    Path rootB;
    @TempDir
    Path local;

    static CutPointSweep.Server server(EmbeddedMinaServer mina) {
        return new CutPointSweep.Server("127.0.0.1", mina.port(), EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD,
                mina.root());
    }

    void sweep(CutPointSweep.Case kind, String method) throws Exception {
        try (EmbeddedMinaServer a = new EmbeddedMinaServer(rootA); EmbeddedMinaServer b = new EmbeddedMinaServer(rootB)) {
            CutPointSweep sweep = new CutPointSweep(kind, server(a), server(b), local, "sweep");
            CutPointSweep.Summary summary = sweep.sweep(CutPointSweep.seeds(1, POINTS));
            System.out.println(summary.line());
            SUMMARIES.add(summary);
            assertTrue(summary.violations().isEmpty(),
                    summary.report("mvn -B -o test -DskipITs -Dtest='CutPointSweepTest#" + method + "'"));
        }
    }

    @Test
    void download() throws Exception {
        sweep(CutPointSweep.Case.DOWNLOAD, "download");
    }

    @Test
    void upload() throws Exception {
        sweep(CutPointSweep.Case.UPLOAD, "upload");
    }

    @Test
    void fxp() throws Exception {
        sweep(CutPointSweep.Case.FXP, "fxp");
    }

    @Test
    void relay() throws Exception {
        sweep(CutPointSweep.Case.RELAY, "relay");
    }
}
