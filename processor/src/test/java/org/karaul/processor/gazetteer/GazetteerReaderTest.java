package org.karaul.processor.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karaul.processor.taxonomy.GazetteerReader;
import org.karaul.processor.taxonomy.TaxonomyException;
import org.karaul.processor.taxonomy.TaxonomyLoader;

class GazetteerReaderTest {
    private static final String GROUPS = """
            groups:
              - {id: isis, aliases: ["Islamic State"]}
              - {id: iskp, part_of: isis, aliases: ["ISKP"]}
              - {id: taliban, authority: true, aliases: ["Taliban"]}
            """;
    private static final String PLACES = """
            region: [KG]
            generated: gen.yaml
            not_places: {any: ["караганда"], ky: ["ош"]}
            places:
              - {name: Kyrgyzstan, countries: [KG], kind: country, aliases: ["Kyrgyzstan"]}
            """;
    private static final String GENERATED = """
            places:
              - {name: Kyrgyzstan towns (GeoNames), countries: [KG], capitalised: true, aliases: ["Sokuluk", "Сокулук"]}
            """;

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Gazetteer read(String groups, String places, String generated) {
        return new GazetteerReader("groups.yaml", "places.yaml").read(in(groups), in(places), name -> in(generated));
    }

    @Test
    void appendsTheGeneratedPlacesAfterTheHandWrittenOnesWithTheirFlags() {
        Gazetteer g = read(GROUPS, PLACES, GENERATED);
        assertThat(g.places()).extracting(Place::name).containsExactly("Kyrgyzstan", "Kyrgyzstan towns (GeoNames)");
        assertThat(g.places().get(0).capitalised()).isFalse();
        Place towns = g.places().get(1);
        assertThat(towns.capitalised()).isTrue();
        assertThat(towns.accepts("Сокулуке")).isTrue();
        assertThat(towns.accepts("сокулуке")).isFalse();
        assertThat(towns.accepts("SOKULUK")).isFalse();
        assertThat(g.groups()).extracting(Group::partOf).containsExactly(null, "isis", null);
        assertThat(g.groups()).extracting(Group::authority).containsExactly(false, false, true);
    }

    private static final String SITES = """
            sites:
              - {id: "geonames:8145975", name: "Sokuluk", country: KG, kind: town, at: [42.8606, 74.3028], names: ["Sokuluk", "Сокулук"]}
            """;

    @Test
    void readsTheSitesOfBothFilesHandWrittenFirstAndResolvesTheirNames() {
        String hand = PLACES + "sites:\n  - {id: \"hand:1\", name: \"Sokuluk\", country: KG, kind: town, at: [42.9, 74.3], names: [\"Сокулуке\"]}\n";
        Gazetteer g = read(GROUPS, hand, GENERATED + SITES);
        assertThat(g.sites().all()).extracting(s -> s.place().id()).containsExactly("hand:1", "geonames:8145975");
        assertThat(g.sites().resolve("Сокулука", "KG")).get().extracting(p -> p.id()).isEqualTo("geonames:8145975");
        assertThat(g.sites().resolve("Сокулуке", "KG")).get().extracting(p -> p.id()).isEqualTo("hand:1");
        assertThat(read(GROUPS, PLACES, GENERATED).sites().all()).as("sites are optional").isEmpty();
    }

    @Test
    void rejectsASiteWithoutCoordinatesOrOfAnUnknownKindNamingTheFileAndSite() {
        assertThatThrownBy(() -> read(GROUPS, PLACES, GENERATED + SITES.replace("at: [42.8606, 74.3028]", "at: [42.8606]")))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("gen.yaml")
                .hasMessageContaining("site geonames:8145975")
                .hasMessageContaining("'at' must be [latitude, longitude]");
        assertThatThrownBy(() -> read(GROUPS, PLACES, GENERATED + SITES.replace("at: [42.8606, 74.3028]", "at: [142.8, 74.3]")))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("'at' must be [latitude, longitude]");
        assertThatThrownBy(() -> read(GROUPS, PLACES, GENERATED + SITES.replace("kind: town", "kind: village")))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("kind must be one of");
    }

    @Test
    void notPlacesUnderAnyHoldInEveryLanguageForALowerCaseWordOnly() {
        Gazetteer g = read(GROUPS, PLACES, GENERATED);
        assertThat(g.isCommonWord("ru", "караганда")).isTrue();
        assertThat(g.isCommonWord("ru", "Караганда")).isFalse();
        assertThat(g.isCommonWord("ky", "Ош")).isTrue();
        assertThat(g.isCommonWord("ru", "Ош")).isFalse();
    }

    @Test
    void readsTheAuthorityCuesAndRejectsAnUnknownKindNamingTheFileAndKey() {
        String cues = "authority_cues: {reports: [\"said\"], background: [\"despite\"]}\n" + GROUPS;
        assertThat(read(cues, PLACES, GENERATED).authorityCues())
                .containsEntry(Gazetteer.REPORTS, List.of("said")).containsEntry(Gazetteer.BACKGROUND, List.of("despite"));
        assertThat(read(GROUPS, PLACES, GENERATED).authorityCues()).isEmpty();
        assertThatThrownBy(() -> read(cues.replace("background:", "quotes:"), PLACES, GENERATED))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("groups.yaml")
                .hasMessageContaining("authority_cues.quotes");
    }

    @Test
    void readsAPlaceLanguageAnyByDefaultAndRejectsAnUnknownOneNamingTheEntry() {
        String local = PLACES + "  - {name: Colombia (local), countries: [CO], kind: country, lang: local, aliases: [\"Колумбия\"]}\n";
        assertThat(read(GROUPS, local, GENERATED).places()).extracting(Place::lang).containsExactly("any", "local", "any");
        assertThatThrownBy(() -> read(GROUPS, local.replace("lang: local", "lang: kazakh"), GENERATED))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("place Colombia (local)")
                .hasMessageContaining("got 'kazakh'");
    }

    @Test
    void rejectsABadFlagOrAnUnknownParentNamingTheFileAndEntry() {
        assertThatThrownBy(() -> read(GROUPS, PLACES, GENERATED.replace("capitalised: true", "capitalised: yes please")))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("gen.yaml")
                .hasMessageContaining("Kyrgyzstan towns (GeoNames)")
                .hasMessageContaining("'capitalised' must be true or false");
        String many = String.join(", ", Collections.nCopies(GazetteerReader.MAX_ALIASES + 1, "\"Sokuluk\""));
        assertThatThrownBy(() -> read(GROUPS, PLACES, GENERATED.replace("\"Sokuluk\", \"Сокулук\"", many)))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("gen.yaml")
                .hasMessageContaining("split the entry");
        assertThatThrownBy(() -> read(GROUPS.replace("part_of: isis", "part_of: isis, home: Afghanistan"), PLACES, GENERATED))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("group iskp")
                .hasMessageContaining("home 'Afghanistan' is not an ISO alpha-2 code");
        assertThat(read(GROUPS.replace("part_of: isis", "part_of: isis, home: AF"), PLACES, GENERATED).groups())
                .extracting(Group::home).containsExactly(null, "AF", null);
        assertThatThrownBy(() -> read(GROUPS.replace("part_of: isis", "part_of: daesh"), PLACES, GENERATED))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("group iskp")
                .hasMessageContaining("part_of names no other group: 'daesh'");
    }

    @Test
    void theBundledGeneratedGazetteerIsSmallCapitalisedAndLeavesTheHandWrittenNamesAlone() throws IOException {
        long bytes;
        try (InputStream s = GazetteerReaderTest.class.getResourceAsStream("/taxonomy/places-generated.yaml")) {
            bytes = s.readAllBytes().length;
        }
        assertThat(bytes).isLessThan(1_000_000);
        List<Place> places = TaxonomyLoader.bundled().gazetteer().places();
        Set<String> hand = new HashSet<>();
        places.stream().filter(p -> !p.capitalised()).forEach(p -> p.aliases().forEach(a -> hand.add(a.toLowerCase(Locale.ROOT))));
        List<Place> generated = places.stream().filter(Place::capitalised).toList();
        assertThat(generated).isNotEmpty().allSatisfy(p -> assertThat(p.name()).endsWith("(GeoNames)"));
        assertThat(generated.stream().flatMap(p -> p.aliases().stream()).map(a -> a.toLowerCase(Locale.ROOT)))
                .doesNotContainAnyElementsOf(hand)
                .allSatisfy(a -> assertThat(GazetteerGeneration.STOP).doesNotContain(a));
        assertThat(generated.stream().flatMap(p -> p.countries().stream()).distinct())
                .containsExactlyInAnyOrder("KZ", "KG", "TJ", "UZ", "TM", "AF");
    }
}
