package org.karaul.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.karaul.cli.KaraulCli;
import org.karaul.contract.RawItem;
import org.karaul.contract.Triage;
import org.karaul.contract.TriageMark;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topics;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code karaul backtest} on a real broker: the recorded stream written to {@code karaul.items.raw} and two triage
 * marks to {@code karaul.feedback} give the same label, development and alert changes as the same stream from a
 * file, the precision per rule moves as the marks say, and the backtest leaves no consumer group and writes nothing.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BacktestIT {
    private static final String FROM = "2025-01-01T00:00:00Z";
    private static final String TO = "2025-12-31T23:59:59Z";

    @TempDir
    Path dir;

    @Test
    void shouldReplayTheRetainedRawTopicAndJudgeTheCandidateByTheMarks() throws Exception {
        assumeTrue(Files.exists(Fixtures.DEV_SET), Fixtures.DEV_SET + " is absent: the backtest tests need the dev set");
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        Path stream = Fixtures.stream(dir);
        Path candidate = Fixtures.candidateTaxonomy(dir);
        String seizure = "dev-" + Fixtures.seizure().get(0).id().substring(0, 20);
        String canary = "dev-" + Fixtures.canary().id().substring(0, 20);

        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            create(a, Topics.ITEMS_RAW.toNewTopic());
            create(a, Topics.FEEDBACK.toNewTopic());
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (String line : Files.readAllLines(stream, StandardCharsets.UTF_8)) {
                RawItem item = RawItems.parse(line, stream, 0);
                producer.send(new ProducerRecord<>(Topics.ITEMS_RAW.name(), item.id(), Json.mapper().writeValueAsString(item)));
            }
            Instant now = Instant.now();
            producer.send(new ProducerRecord<>(Topics.FEEDBACK.name(), seizure, Json.mapper().writeValueAsString(
                    new Triage(seizure, TriageMark.FALSE_POSITIVE, null, "a drill", "it", now, List.of(Fixtures.REMOVED), "default"))));
            producer.send(new ProducerRecord<>(Topics.FEEDBACK.name(), canary, Json.mapper().writeValueAsString(
                    new Triage(canary, TriageMark.CONFIRMED, null, null, "it", now, List.of(Fixtures.GAINER), "default"))));
            producer.flush();
        }
        Set<String> groupsBefore;
        Map<TopicPartition, Long> endsBefore;
        try (Admin a = Admin.create(admin)) {
            groupsBefore = groups(a);
            endsBefore = ends(a);
        }

        Path fromTopic = dir.resolve("topic.json");
        Path fromFile = dir.resolve("file.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "backtest", "--taxonomy", candidate.toString(), "--bootstrap", bootstrap, "--from", FROM,
                "--to", TO, "--reserved", Fixtures.RESERVED.toString(), "--json", fromTopic.toString())).as(err.toString()).isZero();
        assertThat(run(new StringWriter(), new StringWriter(), "backtest", "--taxonomy", candidate.toString(), "--items",
                stream.toString(), "--reserved", Fixtures.RESERVED.toString(), "--json", fromFile.toString())).isZero();

        JsonNode topic = Json.mapper().readTree(fromTopic.toFile());
        JsonNode file = Json.mapper().readTree(fromFile.toFile());
        assertThat(topic.get("items").asInt()).isEqualTo(file.get("items").asInt()).isGreaterThan(100);
        assertThat(ids(topic.get("labelChanges"), "itemId")).isEqualTo(ids(file.get("labelChanges"), "itemId"))
                .contains(Fixtures.canary().id());
        assertThat(alerts(topic.path("alerts").path("gained"))).isEqualTo(alerts(file.path("alerts").path("gained")))
                .contains(canary + "|opened");
        assertThat(alerts(topic.path("alerts").path("lost"))).isEqualTo(alerts(file.path("alerts").path("lost")))
                .contains(seizure + "|opened");
        assertThat(topic.get("categories")).isEqualTo(file.get("categories"));
        assertThat(topic.get("rules")).isEqualTo(file.get("rules"));

        // the deployed rules alerted on the seizure, marked false; the candidate alerts on the canary, marked right
        assertThat(topic.get("marked").asInt()).isEqualTo(2);
        JsonNode move = null;
        for (JsonNode m : topic.get("precision")) {
            if (m.get("rule").asText().equals("default")) {
                move = m;
            }
        }
        assertThat(move).as("the default rule's precision").isNotNull();
        assertThat(move.path("deployed").path("falsePositive").asInt()).isEqualTo(1);
        assertThat(move.path("deployed").path("confirmed").asInt()).isZero();
        assertThat(move.path("deployed").path("precision").asDouble()).isZero();
        assertThat(move.path("deployed").path("falseAlarms").get(0).path("developmentId").asText()).isEqualTo(seizure);
        assertThat(move.path("candidate").path("falsePositive").asInt()).isZero();
        assertThat(move.path("candidate").path("confirmed").asInt()).isEqualTo(1);
        assertThat(move.path("candidate").path("precision").asDouble()).isEqualTo(1.0);
        assertThat(file.get("precision")).as("no marks without a broker").isEmpty();
        assertThat(out.toString()).contains("precision per rule under 2 triage mark(s)");

        try (Admin a = Admin.create(admin)) {
            assertThat(groups(a)).as("no consumer group joined").isEqualTo(groupsBefore);
            assertThat(ends(a)).as("nothing written to any topic").isEqualTo(endsBefore);
        }
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = KaraulCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static void create(Admin a, org.apache.kafka.clients.admin.NewTopic topic) throws Exception {
        try {
            a.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static Set<String> groups(Admin a) throws Exception {
        return a.listGroups().all().get().stream().map(GroupListing::groupId).collect(Collectors.toSet());
    }

    /** The end offset of every partition of every topic on the broker. */
    private static Map<TopicPartition, Long> ends(Admin a) throws Exception {
        Set<String> names = a.listTopics().names().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription d : a.describeTopics(names).allTopicNames().get().values()) {
            d.partitions().forEach(pi -> latest.put(new TopicPartition(d.name(), pi.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        a.listOffsets(latest).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private static Set<String> ids(JsonNode array, String field) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static Set<String> alerts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("developmentId").asText() + "|" + n.get("type").asText()));
        return new TreeSet<>(out);
    }
}
