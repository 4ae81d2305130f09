package org.karaul.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;
import org.karaul.alerts.AlertsConfig;
import org.karaul.config.ConfigException;
import org.karaul.config.Settings;
import org.karaul.contract.kafka.Topic;
import org.karaul.contract.kafka.Topics;
import org.karaul.ingest.IngestConfig;
import org.karaul.processor.ProcessorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps deploy/k8s and deploy/compose equal to the code: every manifest read strictly into its typed model, one
 * KafkaTopic per entry of {@link Topics} with the same partitions and cleanup policy, ACLs on known topics and on the
 * configured group and transactional ids, and each service's settings (ConfigMap file plus environment) accepted by
 * the module's own config record, as at start-up.
 */
class ManifestsTest {
    private static final Path K8S = Path.of("k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final Path COMPOSE = Path.of("compose");
    /** Stand-ins for values that come from Secrets or the pod at run time: valid, so that the rest is what is tested. */
    private static final Map<String, String> SECRET_STAND_INS = Map.of(
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
            "desk-token", "0123456789abcdef0123",
            "webhooks-token", "fedcba9876543210fedc",
            "webhook-secret-keys", "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

    /** Stand-ins for the values Compose takes from .env. */
    private static final Map<String, String> COMPOSE_SECRETS = Map.of(
            "KARAUL_ALERTS_DESK_TOKEN", SECRET_STAND_INS.get("desk-token"),
            "KARAUL_ALERTS_WEBHOOKS_TOKEN", SECRET_STAND_INS.get("webhooks-token"),
            "KARAUL_ALERTS_WEBHOOKS_SECRET_KEYS", SECRET_STAND_INS.get("webhook-secret-keys"));

    @TempDir
    Path dir;

    private record Service(String name, String command, String defaults, Function<Settings, ?> config) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("karaul-ingest", "ingest", IngestConfig.DEFAULTS, IngestConfig::from),
            new Service("karaul-processor", "process", ProcessorConfig.DEFAULTS, ProcessorConfig::from),
            new Service("karaul-alerts", "alerts", AlertsConfig.DEFAULTS, AlertsConfig::from));

    private static List<StrictYaml.Manifest> manifests(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().flatMap(f -> StrictYaml.read(f).stream()).toList();
        }
    }

    private static <T extends HasMetadata> List<T> all(Class<T> type) throws IOException {
        return manifests(BASE).stream().map(StrictYaml.Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T named(Class<T> type, String name) throws IOException {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name + " in " + BASE));
    }

    @Test
    void shouldReadEveryManifestIntoItsTypedModel() throws IOException {
        List<StrictYaml.Manifest> base = manifests(BASE);
        assertThat(base).extracting(m -> m.resource().getKind()).contains("Kafka", "KafkaNodePool", "KafkaTopic",
                "KafkaUser", "ConfigMap", "Secret", "Service", "Deployment", "StatefulSet", "PodMonitor");
        assertThat(manifests(K8S.resolve("overlays/example"))).extracting(m -> m.resource().getKind()).contains("Namespace");
    }

    @Test
    void shouldRejectAFieldTheModelDoesNotKnow() throws IOException {
        Path typo = Files.writeString(dir.resolve("typo.yaml"), """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: karaul-items-raw
                spec:
                  topicName: karaul.items.raw
                  partition: 3
                """);
        assertThatThrownBy(() -> StrictYaml.read(typo)).hasMessageContaining("partition").hasMessageContaining("KafkaTopic");
        Path deployment = Files.writeString(dir.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  replica: 2
                """);
        assertThatThrownBy(() -> StrictYaml.read(deployment)).hasMessageContaining("replica");
    }

    @Test
    void shouldListEveryManifestInTheKustomizations() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(BASE)) {
            files = list.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml")).collect(Collectors.toSet());
        }
        assertThat(resources(BASE)).containsExactlyInAnyOrderElementsOf(files);
        Path overlay = K8S.resolve("overlays/example");
        for (String r : resources(overlay)) {
            assertThat(overlay.resolve(r)).as("resource %s of %s", r, overlay).exists();
        }
        assertThat(resources(overlay)).contains("../../base");
    }

    private static List<String> resources(Path folder) {
        JsonNode k = StrictYaml.documents(folder.resolve("kustomization.yaml")).get(0);
        assertThat(k.path("kind").asText()).isEqualTo("Kustomization");
        List<String> out = new ArrayList<>();
        k.path("resources").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void shouldDeclareEveryTopicOfTheCodeWithItsPartitionsAndCleanupPolicy() throws IOException {
        String cluster = all(Kafka.class).get(0).getMetadata().getName();
        Map<String, KafkaTopic> declared = all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(Topic::name).toList());
        for (Topic<?, ?> topic : Topics.all()) {
            KafkaTopic t = declared.get(topic.name());
            assertThat(t.getSpec().getPartitions()).as("partitions of %s", topic.name()).isEqualTo(topic.partitions());
            assertThat(t.getSpec().getConfig()).as("config of %s", topic.name())
                    .containsEntry("cleanup.policy", topic.compacted() ? "compact" : "delete");
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
        }
    }

    @Test
    void shouldRunTheKafkaVersionOfTheProjectsClients() throws IOException {
        assertThat(all(Kafka.class)).singleElement()
                .satisfies(k -> assertThat(k.getSpec().getKafka().getVersion()).isEqualTo(AppInfoParser.getVersion()));
        JsonNode compose = StrictYaml.documents(COMPOSE.resolve("compose.yaml")).get(0);
        assertThat(compose.path("services").path("kafka").path("image").asText())
                .isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    }

    @Test
    void shouldGrantEachServiceOnlyTopicsOfTheCodeAndItsOwnGroupsAndTransactions() throws IOException {
        Set<String> topics = Topics.all().stream().map(Topic::name).collect(Collectors.toSet());
        IngestConfig ingest = (IngestConfig) config(SERVICES.get(0));
        ProcessorConfig processor = (ProcessorConfig) config(SERVICES.get(1));
        AlertsConfig alerts = (AlertsConfig) config(SERVICES.get(2));
        Map<String, Set<String>> ownPrefixes = Map.of(
                "karaul-ingest", Set.of(ingest.transactionalId()),
                "karaul-processor", Set.of(processor.applicationId()),
                "karaul-alerts", Set.of(alerts.applicationId(), alerts.webhookSettings().groupPrefix()));
        assertThat(all(KafkaUser.class)).extracting(u -> u.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(ownPrefixes.keySet());
        for (KafkaUser user : all(KafkaUser.class)) {
            String name = user.getMetadata().getName();
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            for (AclRule acl : acls) {
                if (acl.getResource() instanceof AclRuleTopicResource t) {
                    if (t.getPatternType() == AclResourcePatternType.PREFIX) {
                        // a Streams application's internal topics: its application id as prefix
                        assertThat(ownPrefixes.get(name)).as("topic prefix of %s", name).contains(t.getName());
                    } else {
                        assertThat(topics).as("topic ACL of %s", name).contains(t.getName());
                    }
                } else if (acl.getResource() instanceof AclRuleGroupResource g) {
                    assertThat(g.getPatternType()).isEqualTo(AclResourcePatternType.PREFIX);
                    assertThat(ownPrefixes.get(name)).as("group prefix of %s", name).contains(g.getName());
                } else if (acl.getResource() instanceof AclRuleTransactionalIdResource x) {
                    assertThat(ownPrefixes.get(name)).as("transactional id prefix of %s", name)
                            .anyMatch(own -> own.startsWith(x.getName()));
                } else {
                    throw new AssertionError(name + " has an ACL on " + acl.getResource().getType());
                }
            }
        }
        // the groups and transactional ids the services will use are covered
        assertThat(alerts.dispatchGroupId()).startsWith(alerts.applicationId());
        assertThat(ingest.transactionalId()).startsWith("karaul-ingest");
    }

    @Test
    void shouldStartEachServiceWithSettingsItsConfigRecordAccepts() throws IOException {
        for (Service service : SERVICES) {
            Object config = config(service);
            assertThat(config).as(service.name()).isNotNull();
        }
        AlertsConfig alerts = (AlertsConfig) config(SERVICES.get(2));
        assertThat(alerts.httpHost()).isEqualTo("0.0.0.0");
        assertThat(alerts.createTopics()).isFalse();
        assertThat(((IngestConfig) config(SERVICES.get(0))).createTopics()).isFalse();
        assertThat(((ProcessorConfig) config(SERVICES.get(1))).createTopics()).isFalse();
    }

    @Test
    void shouldRefuseToStartAlertsWithThePlaceholderSecrets() throws IOException {
        Map<String, String> placeholders = new HashMap<>(named(Secret.class, "karaul-alerts").getStringData());
        assertThat(placeholders).containsOnlyKeys("desk-token", "webhooks-token", "webhook-secret-keys");
        placeholders.put("sasl.jaas.config", SECRET_STAND_INS.get("sasl.jaas.config"));
        assertThatThrownBy(() -> config(SERVICES.get(2), placeholders))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.desk.token");
    }

    @Test
    void shouldProbeAndScrapeTheOpsPortEachServiceListensOn() throws IOException {
        for (Service service : SERVICES) {
            Object config = config(service);
            int opsPort = config instanceof IngestConfig i ? i.opsPort()
                    : config instanceof ProcessorConfig p ? p.opsPort() : ((AlertsConfig) config).opsPort();
            Container c = container(service.name());
            assertThat(c.getPorts()).as("ports of %s", service.name())
                    .anySatisfy(p -> {
                        assertThat(p.getName()).isEqualTo("ops");
                        assertThat(p.getContainerPort()).isEqualTo(opsPort);
                    });
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
            PodMonitor monitor = named(PodMonitor.class, service.name());
            assertThat(monitor.getSpec().getSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/name", service.name());
            assertThat(monitor.getSpec().getPodMetricsEndpoints()).singleElement().satisfies(e -> {
                assertThat(e.getPort()).isEqualTo("ops");
                assertThat(e.getPath()).isEqualTo("/metrics");
            });
            assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        }
    }

    @Test
    void shouldRunTheProcessorAsAStatefulSetWithItsStateOnAVolume() throws IOException {
        StatefulSet set = named(StatefulSet.class, "karaul-processor");
        ProcessorConfig config = (ProcessorConfig) config(SERVICES.get(1));
        Container c = set.getSpec().getTemplate().getSpec().getContainers().get(0);
        String claim = set.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        assertThat(c.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo(claim);
            assertThat(config.stateDir().startsWith(Path.of(m.getMountPath()))).isTrue();
        });
        assertThat(c.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo(Settings.envName("processor.group.instance.id"));
            assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        });
    }

    @Test
    void shouldSetOnlyKnownKeysInTheComposeEnvironment() {
        JsonNode services = StrictYaml.documents(COMPOSE.resolve("compose.yaml")).get(0).path("services");
        Map<String, String> defaults = Map.of("ingest", IngestConfig.DEFAULTS, "processor", ProcessorConfig.DEFAULTS,
                "alerts", AlertsConfig.DEFAULTS);
        defaults.forEach((svc, resource) -> {
            JsonNode env = services.path(svc).path("environment");
            assertThat(env.isObject()).as("environment of %s", svc).isTrue();
            Map<String, String> vars = new TreeMap<>();
            env.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText().startsWith("${")
                    ? COMPOSE_SECRETS.get(e.getKey()) : e.getValue().asText()));
            Settings s = Settings.load(resource, null, vars);
            vars.keySet().stream().filter(k -> !k.startsWith("KARAUL_KAFKA_")).forEach(k ->
                    assertThat(s.origin(keyOf(resource, k))).isEqualTo("environment " + k));
            Object config = SERVICES.stream().filter(x -> x.defaults().equals(resource)).findFirst().orElseThrow()
                    .config().apply(s);
            assertThat(config).isNotNull();
        });
    }

    @Test
    void shouldRefuseToStartAlertsWithTheComposeExampleSecrets() throws IOException {
        Properties example = new Properties();
        try (var in = Files.newBufferedReader(COMPOSE.resolve(".env.example"))) {
            example.load(in);
        }
        Map<String, String> env = new TreeMap<>();
        StrictYaml.documents(COMPOSE.resolve("compose.yaml")).get(0).path("services").path("alerts").path("environment")
                .fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText().startsWith("${")
                        ? example.getProperty(e.getKey()) : e.getValue().asText()));
        assertThat(env).doesNotContainValue(null);
        assertThatThrownBy(() -> AlertsConfig.from(Settings.load(AlertsConfig.DEFAULTS, null, env)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.desk.token");
    }

    private static String keyOf(String resource, String env) {
        Properties p = new Properties();
        try (var in = ManifestsTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p.stringPropertyNames().stream().filter(k -> Settings.envName(k).equals(env)).findFirst()
                .orElseThrow(() -> new AssertionError(env + " sets no key of " + resource));
    }

    private static PodSpec podSpec(String name) throws IOException {
        for (HasMetadata r : manifests(BASE).stream().map(StrictYaml.Manifest::resource).toList()) {
            if (r.getMetadata().getName().equals(name) && r instanceof Deployment d) {
                return d.getSpec().getTemplate().getSpec();
            }
            if (r.getMetadata().getName().equals(name) && r instanceof StatefulSet s) {
                return s.getSpec().getTemplate().getSpec();
            }
        }
        throw new AssertionError("no Deployment or StatefulSet named " + name);
    }

    private static Container container(String name) throws IOException {
        return podSpec(name).getContainers().get(0);
    }

    private Object config(Service service) throws IOException {
        return config(service, SECRET_STAND_INS);
    }

    /**
     * The service's config as the container would load it: the ConfigMap's file at the path its args name, then the
     * container's environment (Secret and pod values replaced by the given stand-ins).
     */
    private Object config(Service service, Map<String, String> secrets) throws IOException {
        Container c = container(service.name());
        assertThat(c.getArgs()).as("args of %s", service.name()).hasSize(3).startsWith(service.command(), "--config");
        String configPath = c.getArgs().get(2);
        VolumeMount mount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(configPath)).findFirst()
                .orElseThrow(() -> new AssertionError(service.name() + " mounts nothing at " + configPath));
        String configMapName = podSpec(service.name()).getVolumes().stream().filter(v -> v.getName().equals(mount.getName()))
                .findFirst().orElseThrow().getConfigMap().getName();
        String text = named(ConfigMap.class, configMapName).getData().get(mount.getSubPath());
        assertThat(text).as("%s of ConfigMap %s", mount.getSubPath(), configMapName).isNotNull();
        Properties parsed = new Properties();
        parsed.load(new StringReader(text));
        Path file = Files.writeString(dir.resolve(service.name() + ".properties"), text);
        Map<String, String> env = new TreeMap<>();
        for (EnvVar e : c.getEnv()) {
            if (e.getValue() != null) {
                env.put(e.getName(), e.getValue());
            } else if (e.getValueFrom().getSecretKeyRef() != null) {
                String key = e.getValueFrom().getSecretKeyRef().getKey();
                assertThat(secrets).as("a stand-in for secret key %s", key).containsKey(key);
                env.put(e.getName(), secrets.get(key));
            } else {
                env.put(e.getName(), service.name() + "-0");
            }
        }
        Settings settings = Settings.load(service.defaults(), file, env);
        parsed.stringPropertyNames().forEach(k -> assertThat(settings.origin(k)).isEqualTo(file.toString()));
        return service.config().apply(settings);
    }
}
