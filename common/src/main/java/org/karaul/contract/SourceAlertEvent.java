package org.karaul.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * A source-health alert as a CloudEvents 1.0 event in structured JSON mode: the value of
 * {@code karaul.sources.alerts}. Its type, {@code org.karaul.source.silent}, {@code org.karaul.source.broken} or
 * {@code org.karaul.source.recovered}, is never one of the development alerts' {@code org.karaul.alert.*}, so a
 * subscriber or dashboard tells the two apart by type alone.
 *
 * @param specversion     always {@value AlertEvent#SPEC_VERSION}
 * @param id              the source alert's id
 * @param source          {@value AlertEvent#SOURCE}
 * @param type            {@value #TYPE_PREFIX} and the alert's type
 * @param subject         the source id
 * @param time            when the status that raised it was written
 * @param datacontenttype always {@code application/json}
 * @param dataschema      URI of the source alert's JSON Schema
 * @param data            the source alert
 */
public record SourceAlertEvent(String specversion, String id, String source, String type, String subject, Instant time,
                               String datacontenttype, String dataschema, SourceAlert data) {
    public static final String TYPE_PREFIX = "org.karaul.source.";
    public static final String DATA_SCHEMA = "https://karaul.org/schemas/source-alert.schema.json";

    public SourceAlertEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /** The event that carries a source alert. */
    public static SourceAlertEvent of(SourceAlert alert) {
        return new SourceAlertEvent(AlertEvent.SPEC_VERSION, alert.id(), AlertEvent.SOURCE, TYPE_PREFIX + alert.type(),
                alert.sourceId(), alert.at(), "application/json", DATA_SCHEMA, alert);
    }
}
