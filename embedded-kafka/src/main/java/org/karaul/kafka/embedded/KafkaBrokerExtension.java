package org.karaul.kafka.embedded;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that gives every test class in a JVM the same real broker.
 *
 * <p>With {@code -Dkafka.bootstrap=host:port} the tests use that broker; otherwise one {@link EmbeddedKafka} is
 * started on first use (data under {@code target/}) and stopped when the test run ends.
 * Use with {@code @ExtendWith(KafkaBrokerExtension.class)} and read {@link #bootstrapServers()}.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback {
    private static final String KEY = KafkaBrokerExtension.class.getName();
    private static volatile String bootstrap;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(KEY, k -> startOrUseExternal(),
                Broker.class);
    }

    /** The broker's bootstrap servers; valid inside a test class that uses this extension. */
    public static String bootstrapServers() {
        if (bootstrap == null) {
            throw new IllegalStateException("no broker: annotate the test class with @ExtendWith(KafkaBrokerExtension.class)");
        }
        return bootstrap;
    }

    private static Broker startOrUseExternal() {
        String external = System.getProperty("kafka.bootstrap", "").trim();
        if (!external.isEmpty()) {
            bootstrap = external;
            return new Broker(null);
        }
        EmbeddedKafka kafka = EmbeddedKafka.startTemporary(Path.of("target", "kafka-it"));
        bootstrap = kafka.bootstrapServers();
        return new Broker(kafka);
    }

    /** Holds the embedded broker in the root store, which closes it when the run ends. */
    static final class Broker implements ExtensionContext.Store.CloseableResource {
        private final EmbeddedKafka kafka;

        Broker(EmbeddedKafka kafka) {
            this.kafka = kafka;
        }

        @Override
        public void close() {
            if (kafka != null) {
                kafka.close();
            }
        }
    }
}
