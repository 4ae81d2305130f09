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
 * A part's cost per item is its share of the samples times the process's CPU per item over the whole run.
 */
final class CpuProfile {
    /** One part of the work and the frames it claims. */
    record Part(String name, BiPredicate<String, String> claims) {
    }

    static final List<Part> PARTS = List.of(
            new Part("language detection", (type, method) -> type.startsWith("org.karaul.processor.engine.LanguageGuesser")
                    || type.startsWith("org.karaul.processor.engine.RuleLanguages")),
            new Part("deserialisation (JSON)", (type, method) -> type.startsWith("com.fasterxml.jackson.databind.deser.")
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
            new Part("grouping (developments)", (type, method) -> type.startsWith("org.karaul.processor.develop.")),
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

    /** The part a sample's stack belongs to; frames innermost first. */
    static String partOf(List<String[]> frames) {
        for (String[] f : frames) {
            for (Part p : PARTS) {
                if (p.claims.test(f[0], f[1])) {
                    return p.name;
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
        Map<String, Integer> parts = new LinkedHashMap<>();
        PARTS.forEach(p -> parts.put(p.name, 0));
        parts.put(OTHER, 0);
        Map<String, Double> threads = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                List<String[]> frames = new ArrayList<>();
                for (RecordedFrame f : e.getStackTrace().getFrames()) {
                    frames.add(new String[] {f.getMethod().getType().getName(), f.getMethod().getName()});
                }
                parts.merge(partOf(frames), 1, Integer::sum);
                samples++;
            } else if (type.equals("jdk.ThreadCPULoad")) {
                RecordedThread t = e.getThread();
                String name = t == null ? "?" : t.getJavaName() != null ? t.getJavaName() : t.getOSName();
                threads.merge(threadKind(name), (double) e.getFloat("user") + e.getFloat("system"), Double::sum);
            }
        }
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "  %s: %d execution samples; %.2f ms CPU per item over the run", service, samples,
                cpuMsPerItem));
        out.add(String.format(Locale.ROOT, "    %-42s %8s %8s %14s", "part (Java code)", "samples", "share", "µs per item"));
        for (Map.Entry<String, Integer> p : parts.entrySet()) {
            double share = samples == 0 ? 0 : p.getValue() / (double) samples;
            out.add(String.format(Locale.ROOT, "    %-42s %8d %7.1f%% %14.0f", p.getKey(), p.getValue(), share * 100,
                    share * cpuMsPerItem * 1000));
        }
        double total = threads.values().stream().mapToDouble(Double::doubleValue).sum();
        out.add(String.format(Locale.ROOT, "    %-60s %8s", "thread (all Java threads, JIT compilers included)", "CPU share"));
        threads.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(t -> total > 0 && t.getValue() / total >= 0.005)
                .forEach(t -> out.add(String.format(Locale.ROOT, "    %-60s %7.1f%%", abbreviate(t.getKey()), t.getValue() / total * 100)));
        return out;
    }

    private static String abbreviate(String name) {
        return name.length() <= 60 ? name : name.substring(0, 57) + "...";
    }
}
