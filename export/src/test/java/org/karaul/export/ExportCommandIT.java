package org.karaul.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.Topics;
import org.karaul.export.stix.StixMapper;
import org.karaul.export.testing.Demo;
import org.karaul.export.testing.MispValidator;
import org.karaul.export.testing.StixValidator;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code karaul export} end to end on a real broker: developments written to {@code karaul.developments} in
 * transactions (two versions of one, a tombstone, an unreadable record, an aborted transaction) come out as the
 * latest committed version of each, in a valid STIX bundle and valid MISP events, and the export leaves no
 * consumer group behind.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ExportCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ExportCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static Development renamed(Development d, String id, Instant lastSeen) {
        Development t = Demo.seenAt(d, d.firstSeen(), lastSeen, d.title());
        return new Development(id, t.status(), t.title(), t.severity(), t.categories(), t.countries(), t.groups(),
                t.places(), t.firstSeen(), t.lastSeen(), t.itemCount(), t.sources(), t.independentSources(), t.evidence(),
                t.origins(), t.taxonomyVersion(), t.lead(), t.timeline(), t.spike());
    }

    @Test
    void shouldExportTheLatestCommittedVersionOfEachDevelopment() throws Exception {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String kept = "it-" + run + "-clash";
        String deleted = "it-" + run + "-deleted";
        String aborted = "it-" + run + "-aborted";
        Development v1 = renamed(Demo.borderClash(), kept, Demo.T0.plusSeconds(1800));
        Development v2 = renamed(Demo.borderClash(), kept, Demo.T0.plusSeconds(7200));
        Development gone = renamed(Demo.plot(), deleted, Demo.T0);
        Development neverCommitted = renamed(Demo.plot(), aborted, Demo.T0);

        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Set<String> groupsBefore;
        try (Admin a = Admin.create(admin)) {
            try {
                a.createTopics(List.of(Topics.DEVELOPMENTS.toNewTopic())).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            groupsBefore = groups(a);
        }
        try (KafkaProducer<String, byte[]> p = producer(bootstrap, "export-it-" + run)) {
            p.initTransactions();
            p.beginTransaction();
            p.send(record(kept, Demo.jsonLine(v1)));
            p.send(record(deleted, Demo.jsonLine(gone)));
            p.commitTransaction();
            p.beginTransaction();
            p.send(record(kept, Demo.jsonLine(v2)));
            p.send(new ProducerRecord<>(Topics.DEVELOPMENTS.name(), deleted, null));
            p.send(record("it-" + run + "-poison", "{not a development"));
            p.commitTransaction();
            p.beginTransaction();
            p.send(record(aborted, Demo.jsonLine(neverCommitted)));
            p.flush();
            p.abortTransaction();
        }

        Path bundleFile = dir.resolve("bundle.json");
        int code = run("stix", "--bootstrap", bootstrap, "--out", bundleFile.toString());

        assertThat(code).as(err.toString()).isZero();
        String json = Files.readString(bundleFile);
        assertThat(new StixValidator().validate(json)).isEmpty();
        Map<String, JsonNode> reports = reports(JSON.readTree(json));
        assertThat(reports).containsKey(StixMapper.reportId(kept))
                .doesNotContainKeys(StixMapper.reportId(deleted), StixMapper.reportId(aborted));
        assertThat(reports.get(StixMapper.reportId(kept)).path("modified").asText()).isEqualTo("2026-11-22T08:40:00.000Z");
        assertThat(err.toString()).contains("karaul export: skipped karaul.developments-")
                .containsPattern("skipped [1-9]\\d*\\)");

        out.getBuffer().setLength(0);
        assertThat(run("misp", "--bootstrap", bootstrap, "--from", "2026-11-22T08:00:00Z", "--to", "2026-11-22T09:00:00Z"))
                .as(err.toString()).isZero();
        JsonNode events = JSON.readTree(out.toString());
        assertThat(new MispValidator().validateList(events)).isEmpty();
        assertThat(events.path("response").findValuesAsText("info")).contains(v2.title());
        assertThat(events.path("response")).allSatisfy(e ->
                assertThat(e.path("Event").path("timestamp").asLong()).isBetween(
                        Instant.parse("2026-11-22T08:00:00Z").getEpochSecond(), Instant.parse("2026-11-22T09:00:00Z").getEpochSecond()));

        try (Admin a = Admin.create(admin)) {
            assertThat(groups(a)).as("the export joins no consumer group").isEqualTo(groupsBefore);
        }
    }

    private static Map<String, JsonNode> reports(JsonNode bundle) {
        return java.util.stream.StreamSupport.stream(bundle.path("objects").spliterator(), false)
                .filter(o -> o.path("type").asText().equals("report"))
                .collect(Collectors.toMap(o -> o.path("id").asText(), o -> o));
    }

    private static Set<String> groups(Admin a) throws Exception {
        return a.listGroups().all().get().stream().map(GroupListing::groupId).collect(Collectors.toSet());
    }

    private static ProducerRecord<String, byte[]> record(String key, String value) {
        return new ProducerRecord<>(Topics.DEVELOPMENTS.name(), key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap, String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
