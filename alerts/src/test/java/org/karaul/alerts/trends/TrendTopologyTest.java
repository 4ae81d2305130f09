package org.karaul.alerts.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.alerts.stream.DevelopmentsFed;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.Severity;
import org.karaul.contract.Spike;
import org.karaul.contract.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trend branch of the alerts topology, fed hand-made developments ({@code DevelopmentsFed}). */
class TrendTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:30:00Z");
    private static final String ATTACK = "terrorism.attack";
    private static final String CLASH = "border.interstate_clash";

    private TopologyTestDriver driver;
    private TestInputTopic<String, Development> developments;
    private TrendQuery query;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trend-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(DevelopmentsFed.topology(AlertRules.load(null), new SimpleMeterRegistry()),
                props, NOW);
        developments = driver.createInputTopic(Topics.DEVELOPMENTS.name(), Serdes.String().serializer(),
                Topics.DEVELOPMENTS.valueSerde().serializer());
        query = new TrendQuery(() -> driver.<String, TrendCell>getWindowStore(TrendTopology.COUNTS_STORE), 12);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static Development dev(String id, DevelopmentStatus status, String category, int items, Spike spike,
                                   String... countries) {
        return new Development(id, status, "Story " + id, Severity.HIGH, List.of(category), List.of(countries), List.of(),
                List.of(), NOW, NOW, items, List.of(), 1, List.of(), List.of(), "t1", "", List.of(), spike);
    }

    private void send(Development d, String at) {
        developments.pipeInput(d.id(), d, Instant.parse(at));
    }

    private static Trends.Series series(Trends t, String category, String country) {
        return t.series().stream().filter(s -> s.category().equals(category) && s.country().equals(country)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + category + "|" + country + " in " + t.series()));
    }

    @Test
    void countsItemsThatJoinAndDevelopmentsThatOpenPerHourAndCell() {
        send(dev("a", DevelopmentStatus.OPENED, ATTACK, 1, null, "KZ"), "2026-11-22T10:05:00Z");
        send(dev("a", DevelopmentStatus.UPDATED, ATTACK, 3, null, "KZ"), "2026-11-22T10:40:00Z");
        send(dev("a", DevelopmentStatus.ESCALATED, ATTACK, 3, null, "KZ"), "2026-11-22T10:50:00Z"); // no new item
        send(dev("b", DevelopmentStatus.OPENED, CLASH, 2, null, "KG", "TJ"), "2026-11-22T11:10:00Z");

        Trends day = query.query(TrendRange.DAY, NOW, List.of());

        assertThat(day.binStart()).hasSize(24).last().isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
        Trends.Series attack = series(day, ATTACK, "KZ");
        assertThat(attack.totalItems()).isEqualTo(3);
        assertThat(attack.totalDevelopments()).isEqualTo(1);
        assertThat(attack.items()[21]).isEqualTo(3); // the 10:00 bin
        assertThat(attack.developments()[21]).isEqualTo(1);
        assertThat(series(day, CLASH, "KG").items()[22]).isEqualTo(2);
        assertThat(series(day, CLASH, "TJ").developments()[22]).isEqualTo(1);
        assertThat(day.series()).first().extracting(Trends.Series::category).isEqualTo(ATTACK);
    }

    @Test
    void aClosedDevelopmentIsForgottenAndSpikesAddNothing() {
        send(dev("a", DevelopmentStatus.OPENED, ATTACK, 2, null, "UZ"), "2026-11-22T09:05:00Z");
        send(dev("a", DevelopmentStatus.CLOSED, ATTACK, 2, null, "UZ"), "2026-11-22T11:05:00Z");
        send(dev("a", DevelopmentStatus.OPENED, ATTACK, 1, null, "UZ"), "2026-11-22T12:05:00Z");
        Spike spike = new Spike(ATTACK, "UZ", Instant.parse("2026-11-22T06:00:00Z"), Instant.parse("2026-11-22T12:00:00Z"),
                4, 1.5, 2.0);
        Development spikeDev = dev("spike-1", DevelopmentStatus.OPENED, ATTACK, 4, spike, "UZ");
        send(spikeDev, "2026-11-22T12:06:00Z");

        Trends day = query.query(TrendRange.DAY, NOW, List.of(spikeDev));

        Trends.Series uz = series(day, ATTACK, "UZ");
        assertThat(uz.totalItems()).isEqualTo(3);
        assertThat(uz.totalDevelopments()).isEqualTo(2);
        assertThat(uz.developments()[23]).isEqualTo(1); // re-opened at 12:05
        assertThat(day.spikes()).singleElement().satisfies(m -> {
            assertThat(m.observed()).isEqualTo(4);
            assertThat(m.expected()).isEqualTo(1.5);
            assertThat(m.developmentId()).isEqualTo("spike-1");
        });
    }

    @Test
    void longerRangesFoldHoursIntoWiderBins() {
        send(dev("a", DevelopmentStatus.OPENED, ATTACK, 1, null, "TJ"), "2026-11-20T01:00:00Z");
        send(dev("b", DevelopmentStatus.OPENED, ATTACK, 1, null, "TJ"), "2026-11-20T05:00:00Z");
        send(dev("c", DevelopmentStatus.OPENED, ATTACK, 1, null, "TJ"), "2026-11-22T12:10:00Z");

        Trends week = query.query(TrendRange.WEEK, NOW, List.of());
        Trends month = query.query(TrendRange.MONTH, NOW, List.of());

        assertThat(week.binStart()).hasSize(28);
        long[] w = series(week, ATTACK, "TJ").items();
        assertThat(w[27]).isEqualTo(1); // 12:00-18:00 on the 22nd
        assertThat(w[27 - 4 * 2 - 2]).isEqualTo(2); // 00:00-06:00 on the 20th
        long[] m = series(month, ATTACK, "TJ").items();
        assertThat(m[29]).isEqualTo(1);
        assertThat(m[27]).isEqualTo(2);
        assertThat(query.query(TrendRange.DAY, NOW, List.of()).series()).singleElement()
                .extracting(Trends.Series::totalItems).isEqualTo(1L);
    }

    @Test
    void aRangeIsNamedOrRefused() {
        assertThat(TrendRange.of("7D")).isEqualTo(TrendRange.WEEK);
        assertThatThrownBy(() -> TrendRange.of("1y")).hasMessageContaining("24h, 7d or 30d").hasMessageContaining("1y");
    }
}
