package org.karaul.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topic;
import org.karaul.contract.kafka.Topics;
import org.junit.jupiter.api.Test;

/** The JSON Schema files in {@code schemas/} describe what the serdes really write. */
class JsonSchemaTest {
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://karaul.org/schemas/", "classpath:schemas/")));

    private Set<ValidationMessage> validate(Topic<?, ?> topic, Object value) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:schemas/" + topic.name() + ".schema.json"));
        JsonNode node = Json.mapper().valueToTree(value);
        return schema.validate(node);
    }

    @Test
    void shouldHaveASchemaForEveryTopic() {
        for (Topic<?, ?> topic : Topics.all()) {
            assertThat(getClass().getResource("/schemas/" + topic.name() + ".schema.json"))
                    .as("schema for %s", topic.name()).isNotNull();
        }
    }

    @Test
    void shouldAcceptWhatTheSerdesWrite() {
        assertThat(validate(Topics.ITEMS_RAW, Samples.raw())).isEmpty();
        assertThat(validate(Topics.ITEMS_CLASSIFIED, Samples.classified())).isEmpty();
        assertThat(validate(Topics.DEVELOPMENTS, Samples.development())).isEmpty();
        assertThat(validate(Topics.ALERTS, Samples.alertEvent())).isEmpty();
        assertThat(validate(Topics.WEBHOOK_SUBSCRIPTIONS, Samples.subscription())).isEmpty();
        assertThat(validate(Topics.FEEDBACK, Samples.triage())).isEmpty();
        assertThat(validate(Topics.SOURCE_STATUS, Samples.sourceStatus())).isEmpty();
        assertThat(validate(Topics.SOURCE_ALERTS, Samples.sourceAlertEvent())).isEmpty();
        assertThat(validate(Topics.FEEDBACK, Samples.duplicateTriage())).isEmpty();
        assertThat(validate(Topics.WEBHOOK_SUBSCRIPTIONS, Samples.sealedSubscription())).isEmpty();
        assertThat(validate(Topics.WEBHOOK_DLQ, Samples.webhookDeadLetter())).isEmpty();
        assertThat(validate(Topics.INGEST_SEEN, Samples.seen())).isEmpty();
    }

    @Test
    void shouldRejectAnAlertEventOfAnUnknownType() {
        AlertEvent e = Samples.alertEvent();
        AlertEvent bad = new AlertEvent(e.specversion(), e.id(), e.source(), "org.karaul.alert.item", e.subject(), e.time(),
                e.datacontenttype(), e.dataschema(), e.data());
        assertThat(validate(Topics.ALERTS, bad)).isNotEmpty();
    }

    @Test
    void shouldRejectASourceAlertUnderADevelopmentAlertsType() {
        SourceAlertEvent e = Samples.sourceAlertEvent();
        assertThat(e.type()).isEqualTo("org.karaul.source.broken");
        SourceAlertEvent bad = new SourceAlertEvent(e.specversion(), e.id(), e.source(), "org.karaul.alert.opened", e.subject(),
                e.time(), e.datacontenttype(), e.dataschema(), e.data());
        assertThat(validate(Topics.SOURCE_ALERTS, bad)).isNotEmpty();
    }

    @Test
    void shouldRejectAClassifiedItemWithALowerCaseCountry() {
        ClassifiedItem bad = new ClassifiedItem(Samples.raw(), true, Severity.HIGH, java.util.List.of(),
                java.util.List.of("kg"), java.util.List.of(), "v", null, null);
        assertThat(validate(Topics.ITEMS_CLASSIFIED, bad)).isNotEmpty();
    }

    @Test
    void shouldRejectADuplicateMarkThatNamesNoDevelopment() {
        JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:schemas/karaul.feedback.schema.json"));
        com.fasterxml.jackson.databind.node.ObjectNode node = Json.mapper().valueToTree(Samples.triage());
        node.put("mark", "duplicate");
        assertThat(schema.validate(node)).isNotEmpty();
        node.put("duplicateOf", "dev-0");
        assertThat(schema.validate(node)).isEmpty();
        node.put("mark", "maybe");
        assertThat(schema.validate(node)).isNotEmpty();
    }
}
