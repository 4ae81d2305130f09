package org.karaul.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.Serializer;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.SeenUrl;
import org.karaul.contract.kafka.Topics;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.SourceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a source's candidates into raw items and publishes the new or changed ones. Each batch goes out in one Kafka
 * transaction together with the matching {@code karaul.ingest.seen} records, so the raw topic and the crawler's memory
 * never disagree: an item is emitted once per version, across restarts.
 *
 * <p>When a transaction fails (broker away, timeout, fenced producer), the batch stays queued with its marks, the
 * crawler's memory does not advance, and the producer is closed; a retry with capped backoff makes a new producer,
 * whose {@code initTransactions} aborts what the old one left open (or waits for a commit already decided), and sends
 * the queued batches again, oldest first. When the failure came during {@code commitTransaction}, whose outcome is then
 * unknown, the seen topic is read again first and what landed is dropped from the queue: nothing is lost and nothing
 * goes out twice. While the queue holds more than {@link Limits#maxPendingBytes()}, {@link #accepting()} is false and
 * the poller stops crawling.
 *
 * <p>Threads: poll threads call {@link #publish}; whichever finds nobody sending sends the queue itself, the others
 * return at once. After a failure only the retry thread sends, until the queue is empty again.
 */
public final class ItemPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ItemPublisher.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    /**
     * @param maxBackoff      longest wait between two attempts to publish while they fail
     * @param maxPendingBytes size of the items waiting beyond which crawling stops until they are published
     */
    public record Limits(Duration maxBackoff, long maxPendingBytes) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), 64L * 1024 * 1024);
    }

    /**
     * A snapshot of what waits to be published.
     *
     * @param failingSince when the first failed attempt of the current outage ended, null when the last one succeeded
     * @param attempts     failed attempts since then
     * @param lastError    the last failure, null when none
     * @param paused       whether crawling waits for the queue to drain
     */
    public record State(int batches, int items, long bytes, Instant failingSince, int attempts, String lastError,
                        boolean paused) {
        public boolean failing() {
            return failingSince != null;
        }

        public String describe() {
            if (!failing()) {
                return items == 0 ? "publishing; nothing waiting" : "publishing; " + items + " items waiting";
            }
            return "cannot publish to " + Topics.ITEMS_RAW.name() + " since " + failingSince + " (" + attempts
                    + " attempts): " + batches + " batches, " + items + " items, " + bytes + " bytes waiting"
                    + (paused ? "; crawling paused until they are published" : "") + "; last error: " + lastError;
        }
    }

    private final Supplier<Producer<String, Object>> producers;
    private final Supplier<SeenUrls> memory;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final int maxItemBytes;
    private final Limits limits;
    private final Serializer<RawItem> writer = Topics.ITEMS_RAW.valueSerde().serializer();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingest-publish-retry");
        t.setDaemon(true);
        return t;
    });

    // guarded by this
    private SeenUrls seen;
    private final Deque<Batch> queue = new ArrayDeque<>();
    private final Map<String, SeenUrl> waiting = new HashMap<>();
    private int pendingItems;
    private long pendingBytes;
    private boolean sending;
    private Instant failingSince;
    private int attempts;
    private String lastError;
    private Duration backoff = Duration.ZERO;
    private boolean closed;

    // touched only by the thread that holds the sending role
    private Producer<String, Object> producer;
    private boolean uncertain;

    /**
     * Makes the first producer and initialises its transactions (which settles whatever a previous run with the same
     * transactional id left open), then reads the crawler's memory: in this order, so a batch a killed predecessor was
     * committing is visible in the memory read.
     *
     * @param producers    makes a transactional producer (not yet initialised) whose value serializer writes both
     *                     {@link RawItem} and {@link SeenUrl}; called again after each failure
     * @param memory       reads the seen topic to its end, committed records only
     * @param maxItemBytes largest raw item written; a longer text is cut to fit (see {@link #fit})
     */
    public static ItemPublisher open(Supplier<Producer<String, Object>> producers, Supplier<SeenUrls> memory, Clock clock,
                                     MeterRegistry metrics, int maxItemBytes, Limits limits) {
        ItemPublisher p = new ItemPublisher(producers, memory, clock, metrics, maxItemBytes, limits);
        p.producer = p.newProducer();
        try {
            p.seen = memory.get();
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    private ItemPublisher(Supplier<Producer<String, Object>> producers, Supplier<SeenUrls> memory, Clock clock,
                          MeterRegistry metrics, int maxItemBytes, Limits limits) {
        this.producers = producers;
        this.memory = memory;
        this.clock = clock;
        this.metrics = metrics;
        this.maxItemBytes = maxItemBytes;
        this.limits = limits;
        Gauge.builder("karaul.ingest.publish.pending", this, p -> p.state().items()).strongReference(true)
                .description("items found but not yet published").register(metrics);
        Gauge.builder("karaul.ingest.publish.pending.bytes", this, p -> p.state().bytes()).strongReference(true)
                .baseUnit("bytes").description("size of the items waiting to be published").register(metrics);
        Gauge.builder("karaul.ingest.crawl.paused", this, p -> p.accepting() ? 0 : 1).strongReference(true)
                .description("1 while crawling waits for the publish queue to drain").register(metrics);
    }

    /** The number of URLs the crawler remembers as published. */
    public synchronized int remembered() {
        return seen.size();
    }

    /**
     * Queues what is new or changed in {@code candidates} and publishes it now unless another thread is publishing or
     * the broker is failing (then it goes out with the queue). Returns the new or changed items, published or queued.
     */
    public List<RawItem> publish(SourceSpec source, List<Candidate> candidates) {
        Batch batch;
        boolean send;
        synchronized (this) {
            batch = batch(source, candidates);
            if (batch.size() == 0) {
                return List.of();
            }
            queue.add(batch);
            for (int i = 0; i < batch.size(); i++) {
                waiting.put(batch.items().get(i).id(), batch.marks().get(i));
            }
            pendingItems += batch.size();
            pendingBytes += batch.bytes();
            send = !sending && failingSince == null && !closed;
            sending |= send;
        }
        if (send) {
            drain();
        }
        return batch.items();
    }

    /** Whether there is room for more: false while the items waiting exceed {@link Limits#maxPendingBytes()}. */
    public synchronized boolean accepting() {
        return pendingBytes < limits.maxPendingBytes();
    }

    public synchronized State state() {
        return new State(queue.size(), pendingItems, pendingBytes, failingSince, attempts, lastError, !accepting());
    }

    private Batch batch(SourceSpec source, List<Candidate> candidates) {
        Instant now = clock.instant();
        List<RawItem> fresh = new ArrayList<>();
        List<SeenUrl> marks = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        for (Candidate c : candidates) {
            String id = ItemIds.forUrl(c.url());
            if (!inBatch.add(id)) {
                continue; // the source listed the URL twice in one poll (e.g. overlapping pages): first copy wins
            }
            String hash = ItemIds.sha256Hex(c.title() + "\n" + c.text());
            Optional<SeenUrl> before = Optional.ofNullable(waiting.get(id)).or(() -> seen.find(id));
            if (before.isPresent() && before.get().contentHash().equals(hash)) {
                continue;
            }
            int version = before.map(s -> s.version() + 1).orElse(1);
            RawItem item = fit(new RawItem(id, c.url(), c.title(), c.text(), c.published(), source.id(), source.type(),
                    source.grade(), c.lang() != null ? c.lang() : source.lang(), now, version), source);
            if (item == null) {
                continue;
            }
            fresh.add(item);
            marks.add(new SeenUrl(c.url(), hash, version, now));
            sizes.add(size(item));
        }
        return new Batch(source.id(), fresh, marks, sizes);
    }

    /** With the sending role: sends the queue oldest first until it is empty (role released) or an attempt fails. */
    private void drain() {
        try {
            while (true) {
                prepare();
                Batch head;
                synchronized (this) {
                    head = queue.peek();
                    if (head == null) {
                        recovered();
                        return;
                    }
                }
                transact(head);
                committed(head);
            }
        } catch (RuntimeException e) {
            failed(e);
        } catch (Error e) {
            failed(e); // release the sending role, so the queue is retried, and let the caller see the Error
            throw e;
        }
    }

    /** A producer with its transactions initialised; after an unknown commit outcome, the queue cleared of what landed. */
    private void prepare() {
        if (producer == null) {
            producer = newProducer();
            metrics.counter("karaul.ingest.publish.producers.created").increment();
        }
        if (uncertain) {
            SeenUrls committed = memory.get();
            synchronized (this) {
                reconcile(committed);
            }
            uncertain = false;
        }
    }

    private Producer<String, Object> newProducer() {
        Producer<String, Object> p = producers.get();
        try {
            p.initTransactions();
            return p;
        } catch (RuntimeException e) {
            closeQuietly(p);
            throw e;
        }
    }

    private void transact(Batch batch) {
        List<RawItem> items = batch.items();
        List<SeenUrl> marks = batch.marks();
        LOG.debug("source {}: sending a batch of {} items", batch.sourceId(), items.size());
        producer.beginTransaction();
        for (int i = 0; i < items.size(); i++) {
            RawItem item = items.get(i);
            failFast(producer.send(new ProducerRecord<>(Topics.ITEMS_RAW.name(), item.id(), item)));
            failFast(producer.send(new ProducerRecord<>(Topics.INGEST_SEEN.name(), item.id(), marks.get(i))));
        }
        uncertain = true; // from here the outcome may be decided without this process learning it
        producer.commitTransaction();
        uncertain = false;
    }

    /** A send that failed at once (no metadata in {@code max.block.ms}) dooms the transaction: stop sending. */
    private static void failFast(Future<RecordMetadata> sent) {
        if (!sent.isDone()) {
            return;
        }
        try {
            sent.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    private void committed(Batch batch) {
        List<RawItem> items = batch.items();
        List<SeenUrl> marks = batch.marks();
        synchronized (this) {
            for (int i = 0; i < items.size(); i++) {
                seen.remember(items.get(i).id(), marks.get(i));
                waiting.remove(items.get(i).id(), marks.get(i));
            }
            queue.remove(batch);
            pendingItems -= batch.size();
            pendingBytes -= batch.bytes();
        }
        metrics.counter("karaul.ingest.items.published", "source", batch.sourceId()).increment(items.size());
        LOG.info("source {}: published {} new or changed items", batch.sourceId(), items.size());
    }

    /** Under the lock: the queue is empty, so the sending role ends and any outage is over. */
    private void recovered() {
        sending = false;
        if (failingSince != null) {
            LOG.info("publishing to {} works again after {} failed attempts since {}", Topics.ITEMS_RAW.name(),
                    attempts, failingSince);
        }
        failingSince = null;
        attempts = 0;
        backoff = Duration.ZERO;
    }

    /** Under the lock: the seen topic as read after a commit of unknown outcome; what landed leaves the queue. */
    private void reconcile(SeenUrls committed) {
        seen = committed;
        for (Iterator<Batch> it = queue.iterator(); it.hasNext(); ) {
            Batch b = it.next();
            long bytesBefore = b.bytes();
            Map<String, SeenUrl> marks = new HashMap<>();
            for (int i = 0; i < b.size(); i++) {
                marks.put(b.items().get(i).id(), b.marks().get(i));
            }
            List<RawItem> landed = b.dropCommitted(committed);
            for (RawItem item : landed) {
                waiting.remove(item.id(), marks.get(item.id()));
            }
            pendingItems -= landed.size();
            pendingBytes -= bytesBefore - b.bytes();
            if (!landed.isEmpty()) {
                metrics.counter("karaul.ingest.items.published", "source", b.sourceId()).increment(landed.size());
                LOG.info("source {}: {} items of a batch whose commit went unconfirmed are on {} already", b.sourceId(),
                        landed.size(), Topics.ITEMS_RAW.name());
            }
            if (b.size() == 0) {
                it.remove();
            }
        }
    }

    private void failed(Throwable e) {
        closeQuietly(producer); // a new producer fences this one and aborts its open transaction on the broker
        producer = null;
        Duration wait;
        State s;
        synchronized (this) {
            sending = false;
            if (failingSince == null) {
                failingSince = clock.instant();
            }
            attempts++;
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            backoff = backoff.isZero() ? FIRST_BACKOFF : backoff.multipliedBy(2);
            if (backoff.compareTo(limits.maxBackoff()) > 0) {
                backoff = limits.maxBackoff();
            }
            wait = backoff;
            s = state();
        }
        metrics.counter("karaul.ingest.publish.failures", "error", e.getClass().getSimpleName()).increment();
        LOG.warn("publishing to {} failed (next attempt in {} ms; the batches wait, their seen marks unwritten): {}",
                Topics.ITEMS_RAW.name(), wait.toMillis(), s.describe());
        try {
            retries.schedule(this::retry, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // shutting down: what waits is not published; the next start finds it again (see INGEST.md)
        }
    }

    private void retry() {
        synchronized (this) {
            if (sending || closed) {
                return;
            }
            sending = true;
        }
        drain();
    }

    /**
     * The item, with its text cut so that it fits {@code maxItemBytes} when it would not (an item too large for the
     * raw topic would fail the whole batch's transaction on every poll, and the processor refuses it anyway); null
     * when even its title and URL are too large. The content hash stays that of the full text.
     */
    RawItem fit(RawItem item, SourceSpec source) {
        int size = size(item);
        if (size <= maxItemBytes) {
            return item;
        }
        int fixed = size(withText(item, ""));
        if (fixed >= maxItemBytes) {
            metrics.counter("karaul.ingest.items.refused", "source", source.id(), "reason", "too.large").increment();
            LOG.warn("source {}: item {} ({}) is {} bytes even without its text, over ingest.items.max.bytes {}; skipped",
                    source.id(), item.id(), item.url(), fixed, maxItemBytes);
            return null;
        }
        String text = item.text();
        RawItem cut = item;
        while (size > maxItemBytes) {
            // keep the share of characters that fits, by the text's average bytes per character; again if it varies
            long room = maxItemBytes - fixed;
            int keep = (int) Math.min(text.length() - 1, text.length() * room / (size - fixed));
            if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
                keep--;
            }
            text = text.substring(0, Math.max(0, keep));
            cut = withText(item, text);
            size = size(cut);
        }
        metrics.counter("karaul.ingest.items.cut", "source", source.id()).increment();
        LOG.info("source {}: item {} ({}) is over ingest.items.max.bytes {}; its text is cut to {} of {} characters",
                source.id(), item.id(), item.url(), maxItemBytes, text.length(), item.text().length());
        return cut;
    }

    private int size(RawItem item) {
        return writer.serialize(Topics.ITEMS_RAW.name(), item).length;
    }

    private static RawItem withText(RawItem item, String text) {
        return new RawItem(item.id(), item.url(), item.title(), text, item.published(), item.sourceId(), item.sourceType(),
                item.sourceGrade(), item.lang(), item.fetchedAt(), item.version());
    }

    private static void closeQuietly(Producer<String, Object> p) {
        if (p == null) {
            return;
        }
        try {
            p.close(Duration.ZERO);
        } catch (RuntimeException ignored) {
            // it failed already; the failure that brought us here says why
        }
    }

    /** Stops retrying and closes the producer; what still waits is logged (the next start finds it again). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        retries.shutdownNow();
        try {
            retries.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        State s = state();
        if (s.items() > 0) {
            LOG.warn("closing with {} items in {} batches unpublished; their seen marks were not written, so the next "
                    + "start crawls them again", s.items(), s.batches());
        }
        Producer<String, Object> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.warn("closing the producer failed: {}", e.toString());
            }
        }
    }
}
