package org.karaul.processor.classify;

/**
 * Labels a document against a taxonomy. Implementations are thread-safe and hold no Kafka state,
 * so the topology, the {@code classify} command and benchmarks share them.
 */
public interface Classifier {

    Classification classify(Document document);

    /** Version of the taxonomy this classifier was built from. */
    String taxonomyVersion();
}
