package org.karaul.alerts.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void shouldAllowTheBurstThenOneRequestPerRefillPerAddress() throws Exception {
        RateLimiter limiter = new RateLimiter(60, 3, new SimpleMeterRegistry(), now::get);
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(a)).isZero();
        }
        assertThat(limiter.acquire(a)).as("seconds to wait at 60 a minute").isEqualTo(1);
        assertThat(limiter.acquire(b)).as("another address has its own bucket").isZero();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));
        assertThat(limiter.acquire(a)).isZero();
        assertThat(limiter.acquire(a)).isEqualTo(1);
    }

    @Test
    void shouldSayHowLongToWaitAtASlowRateAndDoNothingWhenOff() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        RateLimiter slow = new RateLimiter(2, 1, new SimpleMeterRegistry(), now::get);
        assertThat(slow.acquire(a)).isZero();
        assertThat(slow.acquire(a)).isEqualTo(30);
        RateLimiter off = new RateLimiter(0, 1, new SimpleMeterRegistry(), now::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(off.acquire(a)).isZero();
        }
    }
}
