package org.karaul.alerts.develop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.alerts.stream.AlertsTopology;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.Evidence;
import org.karaul.contract.ItemIds;
import org.karaul.contract.PlaceRef;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DevelopmentTopologyTest {
    static final Instant T0 = Instant.parse("2026-11-22T06:50:00Z");
    static final String CLASH_EN = "Border guards exchange fire on Kyrgyz-Tajik frontier, one soldier killed";
    static final String CLASH_EN_TEXT = "BATKEN, Nov 22 — Kyrgyz and Tajik border guards exchanged fire on Sunday morning "
            + "near a disputed stretch of road in Batken region. One Kyrgyz soldier was killed and two were wounded.";
    static final String CLASH_RU = "На кыргызско-таджикской границе произошла перестрелка, погиб военнослужащий";
    static final String CLASH_RU_TEXT = "В воскресенье утром на участке кыргызско-таджикской границы в Баткенской области "
            + "произошла перестрелка между пограничниками двух стран. Один военнослужащий погиб, двое ранены.";
    static final String CELL_EN = "Tajik security service detains members of banned cell in Khujand";

    private TopologyTestDriver driver;
    private TestInputTopic<String, ClassifiedItem> classified;
    private TestOutputTopic<String, Development> developments;
    private long offset;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "development-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(AlertsTopology.build(GroupingRules.load(null), Duration.ofMinutes(1),
                AlertRules.load(null), new SimpleMeterRegistry(), 786_432, false), props, T0);
        classified = driver.createInputTopic(Topics.ITEMS_CLASSIFIED.name(), Serdes.String().serializer(),
                Topics.ITEMS_CLASSIFIED.valueSerde().serializer());
        developments = driver.createOutputTopic(Topics.DEVELOPMENTS.name(), Serdes.String().deserializer(),
                Topics.DEVELOPMENTS.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    /** A relevant classified item, as the classifier would label it. */
    ClassifiedItem item(String source, String grade, String lang, String title, String text, Instant published,
                        String category, Severity severity, List<String> countries, List<String> groups) {
        String url = "https://" + source + ".example/" + Math.abs(title.hashCode()) + "-" + published.getEpochSecond();
        RawItem raw = new RawItem(ItemIds.forUrl(url), url, title, text, published, source, "rss", grade, lang,
                published.plusSeconds(30), 1);
        CategoryLabel label = new CategoryLabel(category, severity, 0.9, List.of(new Evidence("title", 0, 6, title.substring(0, 6))));
        return new ClassifiedItem(raw, true, severity, List.of(label), countries, groups, "t1",
                new SourceOffset(Topics.ITEMS_RAW.name(), 0, offset++), published.plusSeconds(40));
    }

    void send(ClassifiedItem c) {
        classified.pipeInput(c.item().id(), c, c.item().published());
    }

    ClassifiedItem clashEn(String source, Instant at) {
        return item(source, "B", "en", CLASH_EN, CLASH_EN_TEXT, at, "border.interstate_clash", Severity.CRITICAL,
                List.of("KG", "TJ"), List.of());
    }

    ClassifiedItem clashRu(String source, Instant at, Severity severity) {
        return item(source, "C", "ru", CLASH_RU, CLASH_RU_TEXT, at, "border.interstate_clash", severity,
                List.of("KG", "TJ"), List.of());
    }

    ClassifiedItem cell(Instant at) {
        return item("steppe-wire", "B", "en", CELL_EN, "The State Committee for National Security detained five members "
                + "of a banned cell in Khujand.", at, "terrorism.plot_disrupted", Severity.HIGH, List.of("TJ"), List.of("hizb_ut_tahrir"));
    }

    @Test
    void shouldGroupCopiesAcrossOutletsAndLanguagesIntoOneDevelopment() {
        send(clashEn("steppe-wire", T0));
        send(clashRu("vesti-fergany", T0.plusSeconds(300), Severity.HIGH));
        send(clashEn("kabar-en", T0.plusSeconds(600)));
        send(clashEn("kabar", T0.plusSeconds(900)));

        List<Development> out = developments.readValuesToList();
        assertThat(out).hasSize(4);
        assertThat(out).extracting(Development::id).containsOnly(out.get(0).id());
        assertThat(out).extracting(Development::status).containsExactly(DevelopmentStatus.OPENED,
                DevelopmentStatus.UPDATED, DevelopmentStatus.UPDATED, DevelopmentStatus.UPDATED);
        Development last = out.get(3);
        assertThat(last.itemCount()).isEqualTo(4);
        assertThat(last.sources()).extracting(s -> s.sourceId())
                .containsExactly("steppe-wire", "vesti-fergany", "kabar-en", "kabar");
        assertThat(last.independentSources()).as("kabar and kabar-en share an owner").isEqualTo(3);
        assertThat(last.countries()).containsExactly("KG", "TJ");
        assertThat(last.firstSeen()).isEqualTo(T0);
        assertThat(last.lastSeen()).isEqualTo(T0.plusSeconds(900));
        assertThat(last.origins()).hasSize(4);
        assertThat(last.timeline()).extracting(t -> t.sourceId()).containsExactly("steppe-wire", "vesti-fergany", "kabar-en", "kabar");
        assertThat(last.lead()).startsWith("BATKEN");
    }

    /** The item as the classifier places it at {@code places}. */
    static ClassifiedItem placed(ClassifiedItem c, PlaceRef... places) {
        return new ClassifiedItem(c.item(), c.relevant(), c.severity(), c.categories(), c.countries(), c.groups(),
                c.taxonomyVersion(), c.origin(), c.classifiedAt(), List.of(places));
    }

    @Test
    void shouldUnionTheItemsPlacesFirstPlacedFirstEachOnce() {
        PlaceRef batken = new PlaceRef("geonames:KG.09", "Batken", "KG", "region", 40.06, 70.82);
        PlaceRef isfara = new PlaceRef("geonames:1221194", "Isfara", "TJ", "town", 40.13, 70.63);
        send(placed(clashEn("steppe-wire", T0), batken));
        send(clashRu("vesti-fergany", T0.plusSeconds(300), Severity.HIGH));
        send(placed(clashEn("kabar-en", T0.plusSeconds(600)), isfara, batken));

        List<Development> out = developments.readValuesToList();
        assertThat(out).extracting(Development::id).containsOnly(out.get(0).id());
        assertThat(out.get(0).locations()).containsExactly(batken);
        assertThat(out.get(1).locations()).containsExactly(batken);
        Development last = out.get(2);
        assertThat(last.locations()).containsExactly(batken, isfara);
        assertThat(last.places()).containsExactly("geonames:KG.09", "geonames:1221194");
    }

    @Test
    void shouldKeepADifferentStoryApart() {
        send(clashEn("steppe-wire", T0));
        send(cell(T0.plusSeconds(60)));

        List<Development> out = developments.readValuesToList();
        assertThat(out).extracting(Development::status).containsExactly(DevelopmentStatus.OPENED, DevelopmentStatus.OPENED);
        assertThat(out.get(0).id()).isNotEqualTo(out.get(1).id());
    }

    @Test
    void shouldKeepStoriesApartThatShareOnlyACategoryFamilyAndSomeWords() {
        send(item("pamir-herald", "B", "en", "Afghan border police seize 180 kg of heroin near the Tajik border",
                "Afghan border police seized 180 kg of heroin near the Tajik border in Badakhshan.", T0,
                "trafficking.drugs", Severity.HIGH, List.of("AF", "TJ"), List.of()));
        send(item("pamir-herald", "B", "en", "Security forces find weapons cache near the Afghan border in Gorno-Badakhshan",
                "Tajik security forces found a cache of rifles near the Afghan border.", T0.plusSeconds(600),
                "trafficking.arms", Severity.HIGH, List.of("TJ", "AF"), List.of()));

        List<Development> out = developments.readValuesToList();
        assertThat(out).extracting(Development::status).containsExactly(DevelopmentStatus.OPENED, DevelopmentStatus.OPENED);
    }

    @Test
    void shouldEscalateWhenALaterItemRaisesTheSeverity() {
        send(clashRu("vesti-fergany", T0, Severity.HIGH));
        send(clashEn("steppe-wire", T0.plusSeconds(120)));

        List<Development> out = developments.readValuesToList();
        assertThat(out).extracting(Development::status).containsExactly(DevelopmentStatus.OPENED, DevelopmentStatus.ESCALATED);
        assertThat(out.get(1).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(out.get(1).title()).as("title from the better-graded source").isEqualTo(CLASH_EN);
    }

    @Test
    void shouldLetALateItemJoinTheOpenDevelopment() {
        send(clashEn("steppe-wire", T0.plusSeconds(3600)));
        send(cell(T0.plusSeconds(3700)));
        send(clashRu("vesti-fergany", T0, Severity.CRITICAL));

        Development last = developments.readValuesToList().get(2);
        assertThat(last.title()).isEqualTo(CLASH_EN);
        assertThat(last.itemCount()).isEqualTo(2);
        assertThat(last.firstSeen()).isEqualTo(T0);
    }

    @Test
    void shouldCloseADevelopmentAfterQuietInEventTimeAndOpenANewOneAfterwards() {
        send(clashEn("steppe-wire", T0));
        send(cell(T0.plus(Duration.ofHours(7))));
        developments.readValuesToList();

        driver.advanceWallClockTime(Duration.ofMinutes(1));
        List<Development> closed = developments.readValuesToList();
        assertThat(closed).extracting(Development::status).containsExactly(DevelopmentStatus.CLOSED);
        assertThat(closed.get(0).title()).isEqualTo(CLASH_EN);

        send(clashEn("kabar", T0.plus(Duration.ofHours(8))));
        Development again = developments.readValue();
        assertThat(again.status()).isEqualTo(DevelopmentStatus.OPENED);
        assertThat(again.id()).isNotEqualTo(closed.get(0).id());
    }

    @Test
    void shouldCloseEverythingWhenTheWallClockGoesQuiet() {
        send(clashEn("steppe-wire", T0));
        developments.readValuesToList();
        driver.advanceWallClockTime(Duration.ofHours(5));
        assertThat(developments.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofHours(2));
        assertThat(developments.readValue().status()).isEqualTo(DevelopmentStatus.CLOSED);
    }
}
