package org.karaul.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert as a CloudEvents 1.0 event in structured JSON mode: the value of {@code karaul.alerts} and the body
 * of every webhook POST. Serialised with the wire mapper, it is exactly the CloudEvents JSON format
 * ({@code application/cloudevents+json}) with the alert as a JSON object in {@code data}.
 *
 * @param specversion     always {@value #SPEC_VERSION}
 * @param id              the alert id: unique per alert, the same on every redelivery (see {@link Alert#id})
 * @param source          {@value #SOURCE}
 * @param type            {@code org.karaul.alert.opened} or {@code org.karaul.alert.escalated}
 * @param subject         the development id
 * @param time            when the alert was made
 * @param datacontenttype always {@code application/json}
 * @param dataschema      URI of the alert's JSON Schema
 * @param data            the alert
 */
public record AlertEvent(String specversion, String id, String source, String type, String subject, Instant time,
                         String datacontenttype, String dataschema, Alert data) {
    public static final String SPEC_VERSION = "1.0";
    public static final String SOURCE = "urn:karaul:alerts";
    public static final String TYPE_PREFIX = "org.karaul.alert.";
    public static final String DATA_SCHEMA = "https://karaul.org/schemas/alert.schema.json";
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    public AlertEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /** The event that carries an alert. */
    public static AlertEvent of(Alert alert) {
        return new AlertEvent(SPEC_VERSION, alert.id(), SOURCE, TYPE_PREFIX + alert.type(), alert.developmentId(),
                alert.createdAt(), "application/json", DATA_SCHEMA, alert);
    }
}
