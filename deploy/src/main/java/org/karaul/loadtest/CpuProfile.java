package org.karaul.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's CPU went, from its flight recording ({@code -XX:StartFlightRecording}, {@code profile} settings):
 * <ul>
 *   <li>per thread, from {@code jdk.ThreadCPULoad} (every Java thread, compiler threads included), thread names with
 *   their ids and numbers folded so that one kind of thread is one row;</li>
 *   <li>per part of the work, from {@code jdk.ExecutionSample} (Java code only): each sample goes to the first part
 *   that claims a frame, walking from the innermost frame outwards, so JSON parsing inside grouping counts as
 *   deserialisation and a hash-map lookup inside matching as matching.</li>
 * </ul>
 * Samples are also split by the thread they were taken on (the classify stream, the alerts stream with its grouping,
 * producer I/O), so the same part in two stream applications shows apart. A part's cost per item is its share
 * of the samples times the process's CPU per item over the whole run less the JIT compiler threads' share (garbage
 * collection, in threads the recording does not sample, stays in).
 */
final class CpuProfile {
    /** One part of the work and the frames it claims. */
    record Part(String name, BiPredicate<String, String> claims) {
    }

    static final List<Part> PARTS = List.of(
            new Part("language detection", (type, method) -> type.startsWith("org.karaul.processor.engine.LanguageGuesser")
                    || type.startsWith("org.karaul.processor.engine.RuleLanguages")),
            new Part("deserialisation (input records, JSON)", (type, method) -> type.startsWith("com.fasterxml.jackson.databind.deser.")
                    || type.startsWith("com.fasterxml.jackson.core.json.UTF8StreamJsonParser")
                    || type.startsWith("com.fasterxml.jackson.core.json.ReaderBasedJsonParser")
                    || type.startsWith("com.fasterxml.jackson.core.base.ParserBase")
                    || type.startsWith("com.fasterxml.jackson.core.io.") && method.startsWith("parse")
                    || type.equals("com.fasterxml.jackson.databind.ObjectMapper") && method.startsWith("read")),
            new Part("serialisation (JSON)", (type, method) -> type.startsWith("com.fasterxml.jackson.databind.ser.")
                    || type.startsWith("com.fasterxml.jackson.core.json.UTF8JsonGenerator")
                    || type.startsWith("com.fasterxml.jackson.core.json.WriterBasedJsonGenerator")
                    || type.equals("com.fasterxml.jackson.databind.ObjectMapper") && method.startsWith("write")),
            new Part("scoring", (type, method) -> type.startsWith("org.karaul.processor.classify.CategoryScor")
                    || type.startsWith("org.karaul.processor.classify.CountryRanker")
                    || type.startsWith("org.karaul.processor.classify.SecondOpinion")
                    || type.startsWith("org.karaul.processor.learn.")),
            new Part("matching (rules, gazetteer, analysis)", (type, method) -> type.startsWith("org.karaul.processor.engine.")
                    || type.startsWith("org.karaul.processor.taxonomy.") || type.startsWith("org.karaul.processor.gazetteer.")
                    || type.startsWith("org.apache.lucene.") || type.startsWith("org.karaul.processor.classify.")),
            new Part("grouping (developments)", (type, method) -> type.startsWith("org.karaul.alerts.develop.")),
            new Part("alert rules and delivery", (type, method) -> type.startsWith("org.karaul.alerts.")),
            new Part("transactions and commits", (type, method) -> type.startsWith("org.apache.kafka.clients.producer.internals.TransactionManager")
                    || type.startsWith("org.apache.kafka.streams.") && method.toLowerCase(Locale.ROOT).contains("commit")
                    || type.startsWith("org.apache.kafka.clients.producer.KafkaProducer")
                    && (method.contains("Transaction") || method.equals("sendOffsetsToTransaction"))),
            new Part("state stores (RocksDB)", (type, method) -> type.startsWith("org.rocksdb.")
                    || type.startsWith("org.apache.kafka.streams.state.")),
            new Part("Kafka clients (fetch, send, network)", (type, method) -> type.startsWith("org.apache.kafka.clients.")
                    || type.startsWith("org.apache.kafka.common.")),
            new Part("Kafka Streams runtime", (type, method) -> type.startsWith("org.apache.kafka.streams.")),
            new Part("metrics", (type, method) -> type.startsWith("io.micrometer.") || type.startsWith("io.prometheus.")));
    static final String OTHER = "other (JDK, logging, ...)";

    private CpuProfile() {
    }

    static final String STATE_READS = "deserialisation (state-store values)";

    /**
     * The part a sample's stack belongs to; frames innermost first. Deserialisation under a state-store read
     * ({@code StateSerdes.valueFrom}) is told apart from the deserialisation of input records.
     */
    static String partOf(List<String[]> frames) {
        for (String[] f : frames) {
            for (Part p : PARTS) {
                if (p.claims.test(f[0], f[1])) {
                    return p == PARTS.get(1) && frames.stream().anyMatch(o -> o[0].equals("org.apache.kafka.streams.state.StateSerdes")
                            && o[1].equals("valueFrom")) ? STATE_READS : p.name;
                }
            }
        }
        return OTHER;
    }

    /** Thread names with their instance ids and numbers folded: one kind of thread, one row. */
    static String threadKind(String name) {
        return name.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "*")
                .replaceAll("\\d+", "N");
    }

    /**
     * The report lines for each recording in {@code dir} ({@code processor.jfr}, {@code alerts.jfr}).
     *
     * @param cpuMsPerItem each service's CPU over the whole run divided by every item it saw (backlog and feed)
     */
    static List<String> render(Path dir, Map<String, Double> cpuMsPerItem) {
        List<String> out = new ArrayList<>();
        out.add("CPU profile (flight recordings of the whole run in " + dir + ")");
        for (Map.Entry<String, Double> service : cpuMsPerItem.entrySet()) {
            Path file = dir.resolve(service.getKey() + ".jfr");
            if (!Files.isRegularFile(file)) {
                out.add("  " + service.getKey() + ": no recording at " + file);
                continue;
            }
            try {
                out.addAll(render(service.getKey(), file, service.getValue()));
            } catch (IOException e) {
                out.add("  " + service.getKey() + ": cannot read " + file + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static List<String> render(String service, Path file, double cpuMsPerItem) throws IOException {
        Map<String, Map<String, Integer>> byThread = new LinkedHashMap<>();
        Map<String, Integer> threadSamples = new TreeMap<>();
        Map<String, Double> threads = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                List<String[]> frames = new ArrayList<>();
                for (RecordedFrame f : e.getStackTrace().getFrames()) {
                    frames.add(new String[] {f.getMethod().getType().getName(), f.getMethod().getName()});
                }
                String thread = streamOf(nameOf(e.getThread("sampledThread")));
                byThread.computeIfAbsent(partOf(frames), k -> new TreeMap<>()).merge(thread, 1, Integer::sum);
                threadSamples.merge(thread, 1, Integer::sum);
                samples++;
            } else if (type.equals("jdk.ThreadCPULoad")) {
                threads.merge(threadKind(nameOf(e.getThread())), (double) e.getFloat("user") + e.getFloat("system"), Double::sum);
            }
        }
        List<String> columns = threadSamples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).limit(3).toList();
        double total = threads.values().stream().mapToDouble(Double::doubleValue).sum();
        double compilers = threads.entrySet().stream().filter(t -> t.getKey().contains("CompilerThread"))
                .mapToDouble(Map.Entry::getValue).sum();
        double compilerShare = total == 0 ? 0 : compilers / total;
        double codeMsPerItem = cpuMsPerItem * (1 - compilerShare);
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "  %s: %d execution samples; %.2f ms CPU per item over the run, %.0f %% of it in "
                + "the JIT compiler threads; the rest (%.2f ms) spread over the parts by their share of samples", service,
                samples, cpuMsPerItem, compilerShare * 100, codeMsPerItem));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "    %-40s %7s %6s %11s", "part (Java code)", "samples",
                "share", "µs per item"));
        columns.forEach(c -> head.append(String.format(Locale.ROOT, " %14s", c)));
        out.add(head.toString());
        List<String> names = new ArrayList<>(PARTS.stream().map(Part::name).toList());
        names.add(2, STATE_READS);
        names.add(OTHER);
        for (String part : names) {
            Map<String, Integer> perThread = byThread.getOrDefault(part, Map.of());
            int count = perThread.values().stream().mapToInt(Integer::intValue).sum();
            double share = samples == 0 ? 0 : count / (double) samples;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "    %-40s %7d %5.1f%% %11.0f", part, count,
                    share * 100, share * codeMsPerItem * 1000));
            for (String c : columns) {
                row.append(String.format(Locale.ROOT, " %13.1f%%", samples == 0 ? 0 : perThread.getOrDefault(c, 0) * 100.0 / samples));
            }
            out.add(row.toString());
        }
        out.add(String.format(Locale.ROOT, "    %-60s %8s", "thread (all Java threads, JIT compilers included)", "CPU share"));
        threads.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(t -> total > 0 && t.getValue() / total >= 0.005)
                .forEach(t -> out.add(String.format(Locale.ROOT, "    %-60s %7.1f%%", abbreviate(t.getKey()), t.getValue() / total * 100)));
        return out;
    }

    private static String nameOf(RecordedThread t) {
        return t == null ? "?" : t.getJavaName() != null ? t.getJavaName() : t.getOSName();
    }

    /**
     * The column a sampled thread goes to: a stream thread by its application ({@code classify}, {@code alerts}), a
     * producer's network thread as {@code producer I/O}, anything else as {@code other}.
     */
    static String streamOf(String threadName) {
        if (threadName.contains("StreamThread")) {
            return threadName.contains("alerts") ? "alerts" : "classify";
        }
        return threadName.startsWith("kafka-producer-network-thread") ? "producer I/O" : "other";
    }

    private static String abbreviate(String name) {
        return name.length() <= 60 ? name : name.substring(0, 57) + "...";
    }
}
