package org.karaul.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;

/** Meter registries as every Karaul service sets them up. */
public final class Metrics {
    /** The one tag key every state store's meters carry for the store's name. */
    static final String STORE_TAG = "state.id";
    /** The kind of store, from the key Kafka Streams gave its name ({@code in.memory}, {@code in.memory.window}). */
    static final String STORE_TYPE_TAG = "store.type";
    private static final String STORE_METERS = "kafka.stream.state.";
    private static final String STORE_KEY_SUFFIX = ".state.id";

    private Metrics() {
    }

    /** A Prometheus registry with JVM and process meters bound. */
    public static PrometheusMeterRegistry prometheus() {
        return bindJvm(unbound());
    }

    /**
     * A Prometheus registry without the JVM and process meters yet: a service binds them with {@link #bindJvm} once
     * it has started, so a restarted service does not load and set them up before its first record.
     */
    static PrometheusMeterRegistry unbound() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(oneStoreTagKey());
        return registry;
    }

    /**
     * Kafka Streams names a store in a tag whose key depends on the kind of store ({@code in.memory.state.id},
     * {@code in.memory.window.state.id}), while Prometheus keeps one set of tag keys per meter name and drops (with a
     * warning) a meter whose keys differ from the first one's. This filter gives every store meter the same keys: the
     * name under {@value #STORE_TAG} and the kind under {@value #STORE_TYPE_TAG}.
     */
    static MeterFilter oneStoreTagKey() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith(STORE_METERS)) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                boolean renamed = false;
                for (Tag tag : id.getTagsAsIterable()) {
                    String key = tag.getKey();
                    if (key.endsWith(STORE_KEY_SUFFIX) && !key.equals(STORE_TAG)) {
                        tags.add(Tag.of(STORE_TAG, tag.getValue()));
                        tags.add(Tag.of(STORE_TYPE_TAG, key.substring(0, key.length() - STORE_KEY_SUFFIX.length())));
                        renamed = true;
                    } else {
                        tags.add(tag);
                    }
                }
                return renamed ? id.replaceTags(tags) : id;
            }
        };
    }

    /** Binds the JVM memory, thread, processor and garbage-collection meters to {@code registry}. */
    static PrometheusMeterRegistry bindJvm(PrometheusMeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        return registry;
    }
}
