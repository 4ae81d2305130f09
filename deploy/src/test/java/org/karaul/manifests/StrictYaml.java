package org.karaul.manifests;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes manifests into typed models, strictly: a field the model does not know fails the read (the models
 * normally keep unknown fields aside in "additional properties"; here that catch-all is switched off), and so does a
 * kind or apiVersion this project does not use.
 */
final class StrictYaml {
    /** A kind the manifests may hold: the apiVersion they must use and the model it is read into. */
    record Kind(String apiVersion, Class<? extends HasMetadata> model) {
    }

    /**
     * Every kind the manifests may hold. Strimzi's kinds are written as kafka.strimzi.io/v1, the only version Strimzi
     * 1.x serves; the 0.51 model classes used here read v1 and v1beta2 alike (their annotation names v1beta2).
     */
    static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("Kafka", new Kind("kafka.strimzi.io/v1", Kafka.class)),
            Map.entry("KafkaNodePool", new Kind("kafka.strimzi.io/v1", KafkaNodePool.class)),
            Map.entry("KafkaTopic", new Kind("kafka.strimzi.io/v1", KafkaTopic.class)),
            Map.entry("KafkaUser", new Kind("kafka.strimzi.io/v1", KafkaUser.class)),
            Map.entry("ConfigMap", kind(ConfigMap.class)),
            Map.entry("Secret", kind(Secret.class)),
            Map.entry("Service", kind(Service.class)),
            Map.entry("Namespace", kind(Namespace.class)),
            Map.entry("Deployment", kind(Deployment.class)),
            Map.entry("StatefulSet", kind(StatefulSet.class)),
            Map.entry("PodMonitor", kind(PodMonitor.class)));

    /** A YAML mapper that fails on fields no model property takes. */
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .setAnnotationIntrospector(new NoAnySetter())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private StrictYaml() {
    }

    /** A kind whose apiVersion is the one its model is annotated with. */
    private static Kind kind(Class<? extends HasMetadata> model) {
        return new Kind(HasMetadata.getApiVersion(model), model);
    }

    /** One document of a file, typed. */
    record Manifest(Path file, int index, HasMetadata resource) {
    }

    /** Every document of a multi-document YAML file, each read into the model of its kind. */
    static List<Manifest> read(Path file) {
        List<Manifest> out = new ArrayList<>();
        int index = 0;
        for (JsonNode doc : documents(file)) {
            out.add(new Manifest(file, index, typed(file, index, doc)));
            index++;
        }
        return out;
    }

    /** The documents of a YAML file as trees (empty documents left out). */
    static List<JsonNode> documents(Path file) {
        try (var values = MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            List<JsonNode> docs = new ArrayList<>();
            while (values.hasNextValue()) {
                JsonNode doc = values.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static HasMetadata typed(Path file, int index, JsonNode doc) {
        String where = file + " document " + (index + 1);
        String kind = doc.path("kind").asText();
        Kind known = KINDS.get(kind);
        if (known == null) {
            throw new IllegalArgumentException(where + ": kind '" + kind + "' is none of " + KINDS.keySet());
        }
        String expected = known.apiVersion();
        if (!expected.equals(doc.path("apiVersion").asText())) {
            throw new IllegalArgumentException(where + ": " + kind + " has apiVersion '" + doc.path("apiVersion").asText()
                    + "', the model is " + expected);
        }
        try {
            return MAPPER.treeToValue(doc, known.model());
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " (" + kind + "): " + e.getMessage(), e);
        }
    }

    /** Turns off {@code @JsonAnySetter}, so that unknown fields are errors instead of additional properties. */
    private static final class NoAnySetter extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }
    }
}
