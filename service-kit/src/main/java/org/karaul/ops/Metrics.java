package org.karaul.ops;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Meter registries as every Karaul service sets them up. */
public final class Metrics {
    private Metrics() {
    }

    /** A Prometheus registry with JVM and process meters bound. */
    public static PrometheusMeterRegistry prometheus() {
        return bindJvm(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * A Prometheus registry without the JVM and process meters yet: a service binds them with {@link #bindJvm} once
     * it has started, so a restarted service does not load and set them up before its first record.
     */
    static PrometheusMeterRegistry unbound() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
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
