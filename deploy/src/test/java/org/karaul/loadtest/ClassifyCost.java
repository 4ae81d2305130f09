package org.karaul.loadtest;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.karaul.contract.RawItem;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.Document;
import org.karaul.processor.classify.TaxonomyClassifier;

/**
 * What classifying the load test's items costs without Kafka: the backlog's items (the same {@link ItemMix}, seed 42)
 * fed to {@link Classifiers#load} on one thread, each item once as the stream sees them, then the first 64 of them
 * over and over as the classifier's JMH benchmark does. Prints CPU µs per item for each (the thread's own CPU time,
 * so other work on the machine counts less) and a digest of every verdict (labels, evidence, countries, groups,
 * places), so a change to the classifier can be checked to decide the same.
 *
 * <pre>
 * ./mvnw -q -o -pl deploy -am package -DskipTests -Dmaven.javadoc.skip=true
 * java -Xmx1g -XX:+UseSerialGC -cp deploy/target/karaul.jar:deploy/target/test-classes \
 *     org.karaul.loadtest.ClassifyCost [items, 20000] [rounds, 3] [repeat: only the 64 items over and over]
 * </pre>
 * Run it from the project root (the corpus path is relative). Not a test: a measuring tool, like the load test.
 */
public final class ClassifyCost {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private ClassifyCost() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean repeatOnly = args.length > 2 && args[2].equals("repeat");
        Set<String> reserved = LoadtestCommand.reservedIds(Path.of("..", "shared", "eval", "reserved-ids.txt"));
        List<ItemMix.Story> stories = ItemMix.read(LoadtestCommand.CORPUS, reserved);
        ItemMix mix = new ItemMix(ItemMix.halves(stories).get(0), 0.12, "cost", 42);
        List<Document> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RawItem r = mix.next();
            items.add(new Document(r.id(), r.title(), r.text(), r.lang()));
        }
        try (TaxonomyClassifier classifier = Classifiers.load(null)) {
            for (int round = 1; round <= rounds; round++) {
                // every round reads the same items: the first warms the JIT, the word caches see each item's new names
                // only once per cache emptying, as in the stream
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                int relevant = 0;
                long t0 = CPU.getCurrentThreadCpuTime();
                for (Document d : repeatOnly ? List.<Document>of() : items) {
                    Classification c = classifier.classify(d);
                    relevant += c.relevant() ? 1 : 0;
                    digest.update(c.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                long fresh = CPU.getCurrentThreadCpuTime() - t0;
                List<Document> few = items.subList(0, 64);
                t0 = CPU.getCurrentThreadCpuTime();
                for (int i = 0; i < count; i++) {
                    classifier.classify(few.get(i % few.size()));
                }
                long repeated = CPU.getCurrentThreadCpuTime() - t0;
                System.out.printf("round %d: %d items, %d relevant; each item once %.1f us/item; 64 items repeated %.1f us/item;"
                        + " verdicts %s%n", round, count, relevant, fresh / 1e3 / count, repeated / 1e3 / count,
                        HexFormat.of().formatHex(digest.digest()).substring(0, 16));
            }
        }
    }
}
