package org.ferryftp.transfer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeedMeterTest {

    final FakeNanoClock clock = new FakeNanoClock();
    final SpeedMeter meter = new SpeedMeter(clock);

    @Test
    void nothingIsKnownBeforeData() {
        assertEquals(0, meter.bytesPerSecond());
        assertEquals(Optional.empty(), meter.eta(1000));
        meter.record(0);
        assertEquals(0, meter.bytesPerSecond());
        assertEquals(Optional.empty(), meter.eta(1000));
    }

    @Test
    void steadyRateIsMeasured() {
        meter.record(0);
        for (int i = 1; i <= 20; i++) {
            clock.advanceMillis(100);
            meter.record(i * 100_000L); // 1 MB/s
        }
        assertEquals(1_000_000, meter.bytesPerSecond(), 1);
        assertEquals(Optional.of(Duration.ofSeconds(3)), meter.eta(3_000_000));
    }

    @Test
    void theBaselineDoesNotCountAsSpeed() {
        meter.record(50_000_000); // resumed at 50 MB
        clock.advanceMillis(1000);
        meter.record(50_500_000);
        assertEquals(500_000, meter.bytesPerSecond(), 1);
    }

    @Test
    void oldDataLeavesTheWindow() {
        meter.record(0);
        for (int i = 1; i <= 50; i++) { // 5 s at 1 MB/s
            clock.advanceMillis(100);
            meter.record(i * 100_000L);
        }
        for (int i = 1; i <= 50; i++) { // 5 s at 200 kB/s
            clock.advanceMillis(100);
            meter.record(5_000_000L + i * 20_000L);
        }
        // Bucketing costs at most about one bucket (1/20 of the window) of accuracy.
        assertEquals(200_000, meter.bytesPerSecond(), 10_000);
    }

    @Test
    void aStallDecaysToZero() {
        meter.record(0);
        clock.advanceMillis(1000);
        meter.record(1_000_000);
        clock.advanceMillis(2000);
        double stalled = meter.bytesPerSecond();
        assertTrue(stalled < 1_000_000 && stalled > 0, "slower after 2 s without data: " + stalled);
        clock.advanceMillis(6000);
        assertEquals(0, meter.bytesPerSecond());
        assertEquals(Optional.empty(), meter.eta(10));
    }

    @Test
    void aRestartResetsTheBaseline() {
        meter.record(0);
        clock.advanceMillis(1000);
        meter.record(1_000_000);
        meter.record(0); // transfer restarted from scratch
        clock.advanceMillis(1000);
        meter.record(1_000_000);
        assertEquals(1_000_000, meter.bytesPerSecond(), 1);
    }

    @Test
    void nothingRemainingMeansNoWait() {
        assertEquals(Optional.of(Duration.ZERO), meter.eta(0));
    }

    @Test
    void invalidWindowIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SpeedMeter(clock, Duration.ZERO, 10));
        assertThrows(IllegalArgumentException.class, () -> new SpeedMeter(clock, Duration.ofSeconds(1), 0));
    }
}
