package org.karaul.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer of every Karaul Streams application to a stream thread that died of an exception no record handler
 * took. A bad record never gets here (the dead-letter handler takes it); what does is the client's own trouble: a
 * transaction the broker no longer knows after it restarted ({@code InvalidTxnStateException} on commit), a fenced
 * or timed-out producer, a bug. Kafka's default answer shuts the whole client down, which leaves the process up and
 * the stage silent until someone restarts it. Here the thread is replaced instead: the new one starts from the last
 * committed offsets with a fresh transactional producer, so exactly-once holds and the stage goes on by itself.
 *
 * <p>A fault that comes back at once would replace threads in a loop, so at most {@value #BUDGET} replacements are
 * made within {@link #WINDOW}; the next death in that window shuts the client down (state {@code ERROR}), which the
 * service's health check reports, so a supervisor restarts the process. Every death is logged with the application
 * and counted as {@code karaul.streams.thread.deaths} tagged with the application and the answer. How many threads
 * were replaced lately is what {@link StreamsHealth} reports on, so health turns DOWN before the budget runs out.
 */
public final class ThreadRecovery implements StreamsUncaughtExceptionHandler {
    /** Replacements allowed within {@link #WINDOW} before the client is shut down. */
    public static final int BUDGET = 5;
    /** How far back replacements count against {@link #BUDGET}. */
    public static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(ThreadRecovery.class);

    private final String application;
    private final Clock clock;
    /** Replacements kept for {@link #replacedWithin}: far more than a budget's worth, so a health window sees them. */
    static final int HISTORY = 1_000;
    private final Deque<Instant> replaced = new ArrayDeque<>();
    private final Deque<Instant> history = new ArrayDeque<>();
    private final Counter replacements;
    private final Counter shutdowns;

    public ThreadRecovery(String application, MeterRegistry metrics, Clock clock) {
        this.application = application;
        this.clock = clock;
        this.replacements = deaths(metrics, application, "replace");
        this.shutdowns = deaths(metrics, application, "shutdown");
    }

    /**
     * Sets this answer on {@code streams} (before it starts); {@code application} names the stage in logs and tags.
     *
     * @return the answer set, which counts the replacements for health
     */
    public static ThreadRecovery install(KafkaStreams streams, String application, MeterRegistry metrics) {
        ThreadRecovery recovery = new ThreadRecovery(application, metrics, Clock.systemUTC());
        streams.setUncaughtExceptionHandler(recovery);
        return recovery;
    }

    /** How many stream threads were replaced within {@code window} before now. */
    public synchronized int replacedWithin(Duration window) {
        Instant since = clock.instant().minus(window);
        return (int) history.stream().filter(at -> at.isAfter(since)).count();
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        while (!replaced.isEmpty() && !replaced.peekFirst().isAfter(now.minus(WINDOW))) {
            replaced.removeFirst();
        }
        if (replaced.size() < BUDGET) {
            replaced.addLast(now);
            history.addLast(now);
            if (history.size() > HISTORY) {
                history.removeFirst();
            }
            replacements.increment();
            LOG.warn("{} streams: a stream thread died ({}); replacing it, {} of {} replacements within {}",
                    application, describe(exception), replaced.size(), BUDGET, WINDOW, exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        shutdowns.increment();
        LOG.error("{} streams: a stream thread died ({}) after {} replacements within {}; shutting the client down",
                application, describe(exception), BUDGET, WINDOW, exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** The exception and its root cause, which is what says why (Streams wraps most in a StreamsException). */
    static String describe(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == exception ? exception.toString() : exception.getClass().getSimpleName() + " caused by " + root;
    }

    private static Counter deaths(MeterRegistry metrics, String application, String answer) {
        return Counter.builder("karaul.streams.thread.deaths")
                .description("Stream threads that died of an exception no record handler took, by the answer given")
                .tag("application", application).tag("answer", answer).register(metrics);
    }
}
