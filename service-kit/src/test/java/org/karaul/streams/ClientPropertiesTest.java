package org.karaul.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClientPropertiesTest {
    private static Properties kafka() {
        Properties p = new Properties();
        p.put("bootstrap.servers", "localhost:9092");
        p.put("group.id", "from-the-file");
        p.put("transactional.id", "from-the-file");
        p.put("isolation.level", "read_uncommitted");
        return p;
    }

    @Test
    void shouldOverridePassThroughSettingsWithWhatTheClientNeeds() {
        Properties p = ClientProperties.from(kafka()).readCommitted().manualCommit().noGroup().build();
        assertThat(p).containsEntry("isolation.level", "read_committed").containsEntry("enable.auto.commit", "false")
                .doesNotContainKey("group.id").containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void shouldMakeAnExactlyOnceStreamsApplicationWithStaticMembershipOnlyWhenAnIdIsGiven() {
        Properties dynamic = ClientProperties.from(new Properties())
                .exactlyOnceStreams("app", Path.of("/tmp/state"), Duration.ofMillis(150)).streamThreads(2)
                .staticMember(null).build();
        assertThat(dynamic).containsEntry("application.id", "app").containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("state.dir", "/tmp/state").containsEntry("commit.interval.ms", 150L)
                .containsEntry("num.stream.threads", 2).doesNotContainKey("group.instance.id");
        assertThat(ClientProperties.from(new Properties()).staticMember("node-1").build())
                .containsEntry("group.instance.id", "node-1");
    }

    @Test
    void shouldMakeProducersIdempotentAndDropOrSetTheTransactionalId() {
        assertThat(ClientProperties.from(kafka()).idempotent().notTransactional().build())
                .containsEntry("enable.idempotence", "true").containsEntry("acks", "all").doesNotContainKey("transactional.id");
        assertThat(ClientProperties.from(kafka()).transactional("tx-1").build())
                .containsEntry("transactional.id", "tx-1").containsEntry("client.id", "tx-1")
                .containsEntry("enable.idempotence", "true");
    }

    @Test
    void shouldLeaveTheGivenSettingsAndEarlierBuildsAlone() {
        Properties given = kafka();
        ClientProperties builder = ClientProperties.from(given).setIfAbsent("group.id", "mine");
        Properties first = builder.build();
        builder.set("max.poll.records", "20");
        assertThat(first).containsEntry("group.id", "from-the-file").doesNotContainKey("max.poll.records");
        assertThat(given).isEqualTo(kafka());
    }

    @Test
    void shouldTakeABootstrapFromTheCommandLineOnlyWhenOneIsGiven() {
        assertThat(ClientProperties.from(kafka()).bootstrap(null).build()).containsEntry("bootstrap.servers", "localhost:9092");
        assertThat(ClientProperties.from(kafka()).bootstrap("k1:9092").build()).containsEntry("bootstrap.servers", "k1:9092");
    }

    @Test
    void shouldShortenTheRestoreFetchWaitUnlessThePassThroughSettingsSetIt() {
        assertThat(ClientProperties.from(kafka()).restoreFetchWait(java.time.Duration.ofMillis(10)).build())
                .containsEntry("restore.consumer.fetch.max.wait.ms", 10);
        Properties given = kafka();
        given.put("restore.consumer.fetch.max.wait.ms", "250");
        assertThat(ClientProperties.from(given).restoreFetchWait(java.time.Duration.ofMillis(10)).build())
                .containsEntry("restore.consumer.fetch.max.wait.ms", "250");
    }

    @Test
    void shouldRetryTheStreamsProducerAndMainConsumerSoonerUnlessThePassThroughSettingsSaySo() {
        Properties given = kafka();
        given.put("producer.retry.backoff.ms", "50");
        assertThat(ClientProperties.from(given).firstRetryAfter(java.time.Duration.ofMillis(10)).build())
                .containsEntry("producer.retry.backoff.ms", "50").containsEntry("main.consumer.retry.backoff.ms", 10L)
                .doesNotContainKey("retry.backoff.ms");
    }
}
