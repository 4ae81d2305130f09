package org.karaul.processor.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karaul.contract.PlaceRef;
import org.karaul.processor.taxonomy.TaxonomyLoader;

/** Place names resolve to their site with coordinates, on the bundled gazetteer and on a small one. */
class SitesTest {
    private static final Sites BUNDLED = TaxonomyLoader.bundled().gazetteer().sites();

    @Test
    void oshResolvesFromItsLatinRussianKyrgyzAndTajikFormsAndItsCaseEndings() {
        for (String written : List.of("Osh", "Ош", "Ӯш", "Оше", "Оша", "Ошто", "OSH")) {
            PlaceRef osh = BUNDLED.resolve(written, "KG").orElseThrow(() -> new AssertionError(written + " did not resolve"));
            assertThat(osh.id()).as(written).isEqualTo("geonames:1527534");
            assertThat(osh.name()).isEqualTo("Osh");
            assertThat(osh.country()).isEqualTo("KG");
            assertThat(osh.kind()).isEqualTo("town");
            assertThat(osh.lat()).isBetween(40.4, 40.6);
            assertThat(osh.lon()).isBetween(72.7, 72.9);
        }
    }

    @Test
    void aRegionResolvesToItsAdministrativeSeat() {
        PlaceRef sughd = BUNDLED.resolve("Sughd", "TJ").orElseThrow();
        PlaceRef khujand = BUNDLED.resolve("Khujand", "TJ").orElseThrow();
        assertThat(sughd.kind()).isEqualTo("region");
        assertThat(sughd.id()).isEqualTo("geonames:TJ.03");
        assertThat(sughd.country()).isEqualTo("TJ");
        assertThat(sughd.lat()).isEqualTo(khujand.lat());
        assertThat(sughd.lon()).isEqualTo(khujand.lon());
    }

    @Test
    void aNameInAnotherCountryOrAnUnknownNameResolvesToNothing() {
        assertThat(BUNDLED.resolve("Osh", "UZ")).isEmpty();
        assertThat(BUNDLED.resolve("Атлантида", "KG")).isEmpty();
        // a known name followed by more than a case ending is another word
        assertThat(BUNDLED.resolve("Ошибками", "KG")).isEmpty();
    }

    @Test
    void theFirstSiteListedWinsANameTwoShare() {
        PlaceRef a = new PlaceRef("a", "Alpha", "KG", "town", 41, 75);
        PlaceRef b = new PlaceRef("b", "Beta", "KG", "town", 42, 76);
        Sites sites = new Sites(List.of(new Site(a, List.of("Kant")), new Site(b, List.of("Kant", "Bet-Bet"))));
        assertThat(sites.resolve("Kant", "KG")).contains(a);
        assertThat(sites.resolve("Bet bet", "KG")).contains(b);
        assertThat(sites.resolve("Бет", "KG")).isEmpty();
    }

    @Test
    void everyGeneratedSiteLiesInOrNearTheRegion() {
        assertThat(BUNDLED.all()).hasSizeGreaterThan(1_000);
        for (Site s : BUNDLED.all()) {
            assertThat(s.place().lat()).as(s.place().id()).isBetween(29.0, 56.0);
            assertThat(s.place().lon()).as(s.place().id()).isBetween(46.0, 88.0);
        }
    }
}
