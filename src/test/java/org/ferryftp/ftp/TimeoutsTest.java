package org.ferryftp.ftp;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeoutsTest {

    /** Found while fuzzing sites.json: a huge timeout loaded fine, then connecting threw ArithmeticException. */
    @Test
    void timeoutsPastWhatASocketTakesAreTheLongestItTakes() {
        Timeouts huge = new Timeouts(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofDays(30), Duration.ofMillis(1500));
        assertEquals(Integer.MAX_VALUE, huge.connectMillis());
        assertEquals(Integer.MAX_VALUE, huge.replyMillis());
        assertEquals(1500, huge.dataMillis());
    }
}
