package org.karaul.processor.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyLoaderTest {
    private static final List<String> FILES = List.of("threat-taxonomy.yaml", "groups.yaml", "places.yaml", "places-generated.yaml",
            "lexicons.yaml");

    @TempDir
    Path dir;

    @Test
    void bundledTaxonomyDefinesEveryContractCategoryAndAVersion() {
        Taxonomy t = TaxonomyLoader.bundled();
        assertThat(t.version()).isNotBlank();
        assertThat(t.categories()).extracting(CategoryRule::id).containsExactlyInAnyOrderElementsOf(ContractIds.CATEGORIES);
        assertThat(t.gazetteer().groups()).extracting(g -> g.id()).contains(
                "isis", "iskp", "al_qaeda", "hts", "taliban", "ttp", "imu", "iju", "jamaat_ansarullah", "ttt", "ktj", "kib",
                "hizb_ut_tahrir", "irpt", "etim", "jund_al_khilafah", "akromiya", "tablighi_jamaat", "yakyn_inkar",
                "ansar_al_tawhid");
        assertThat(t.gazetteer().regionCountries()).containsExactlyInAnyOrder("KZ", "KG", "TJ", "TM", "UZ", "AF");
    }

    @Test
    void loadsACopyFromADirectory() throws IOException {
        copyBundled();
        assertThat(TaxonomyLoader.fromDirectory(dir).version()).isEqualTo(TaxonomyLoader.bundled().version());
    }

    @Test
    void rejectsACategoryIdOutsideTheContract() throws IOException {
        copyBundled();
        edit("threat-taxonomy.yaml", "- id: cyber.attack", "- id: cyber.intrusion");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("threat-taxonomy.yaml")
                .hasMessageContaining("category cyber.intrusion")
                .hasMessageContaining("not a contract category id");
    }

    @Test
    void rejectsAnUnknownSeverityNamingTheCategory() throws IOException {
        copyBundled();
        edit("threat-taxonomy.yaml", "severity: info\n    escalates: false\n    threshold: 2\n    signals:",
                "severity: urgent\n    escalates: false\n    threshold: 2\n    signals:");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("category security.exercise")
                .hasMessageContaining("unknown severity 'urgent'");
    }

    @Test
    void rejectsAMisspelledKey() throws IOException {
        copyBundled();
        edit("threat-taxonomy.yaml", "    suppressed_by: [security.exercise, security.cooperation, border.interstate_clash",
                "    supressed_by: [security.exercise, security.cooperation, border.interstate_clash");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("category trafficking.arms")
                .hasMessageContaining("unknown key 'supressed_by'");
    }

    @Test
    void rejectsYieldingToAnUnknownCategory() throws IOException {
        copyBundled();
        edit("threat-taxonomy.yaml", "yields_to: [terrorism.financing]", "yields_to: [terrorism.funding]");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("category extremism.foreign_fighters")
                .hasMessageContaining("yields_to names unknown category or itself 'terrorism.funding'");
    }

    @Test
    void rejectsProximityWithoutDistance() throws IOException {
        copyBundled();
        Files.writeString(dir.resolve("threat-taxonomy.yaml"), Files.readString(dir.resolve("threat-taxonomy.yaml"))
                .replaceFirst("within: 6\\}", "}"));
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("'near' needs 'within'");
    }

    @Test
    void rejectsARuleMixingScriptsWithoutSayingItsLanguage() throws IOException {
        copyBundled();
        edit("threat-taxonomy.yaml", "\"migrants\", \"passports\",", "\"migrants\", \"паспорт\",");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("category trafficking.people.signals[1]")
                .hasMessageContaining("mixes Cyrillic and Latin");
    }

    @Test
    void aConceptNamedWithoutALanguageIsReadAsOneEnglishAndOneRussianRule() {
        CategoryRule drugs = TaxonomyLoader.bundled().categories().stream()
                .filter(c -> c.id().equals("trafficking.drugs")).findFirst().orElseThrow();
        // {weight: 2, any: ["@drugs"]}: the English words for English items, the Russian ones for Russian items, nothing local
        Signal english = drugs.signals().get(0);
        Signal russian = drugs.signals().get(1);
        assertThat(english.matcher().lang()).isEqualTo("en");
        assertThat(english.matcher().terms()).contains("heroin", "mephedrone").noneMatch(MatcherReader::hasCyrillic);
        assertThat(russian.matcher().lang()).isEqualTo("ru");
        assertThat(russian.matcher().terms()).contains("героин*", "мефедрон*").allMatch(MatcherReader::hasCyrillic);
        assertThat(List.of(english.weight(), russian.weight())).containsOnly(2.0);
        // written terms beside a concept go to the reading of their script
        Signal seizureEnglish = drugs.signals().get(2);
        Signal seizureRussian = drugs.signals().get(3);
        assertThat(seizureEnglish.matcher().terms()).contains("seized", "kilograms").doesNotContain("килограмм*");
        assertThat(seizureRussian.matcher().terms()).contains("изъял*", "килограмм*").doesNotContain("kilograms");
    }

    @Test
    void rejectsAConceptWithNeitherEnglishNorRussianTermsWhenNoLanguageIsStated() throws IOException {
        copyBundled();
        edit("threat-taxonomy.yaml", "{weight: -3, any: [\"@plotting\"], lang: local}", "{weight: -3, any: [\"@plotting\"]}");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("category terrorism.attack.signals")
                .hasMessageContaining("neither English nor Russian terms");
    }

    @Test
    void rejectsAnUnknownConcept() throws IOException {
        copyBundled();
        edit("threat-taxonomy.yaml", "{weight: 2, any: [\"@drugs\"]}", "{weight: 2, any: [\"@drug\"]}");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("category trafficking.drugs.signals[0]")
                .hasMessageContaining("unknown lexicon concept '@drug'");
    }

    @Test
    void rejectsARequiredContextThatIsNotDefined() throws IOException {
        copyBundled();
        edit("threat-taxonomy.yaml", "requires: [gunfire]", "requires: [gunfight]");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("category border.interstate_clash")
                .hasMessageContaining("unknown context 'gunfight'");
    }

    @Test
    void rejectsAMissingContractCategory() throws IOException {
        copyBundled();
        String yaml = Files.readString(dir.resolve("threat-taxonomy.yaml"));
        int start = yaml.indexOf("  - id: hybrid.disinformation");
        Files.writeString(dir.resolve("threat-taxonomy.yaml"), yaml.substring(0, start));
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("'hybrid.disinformation' is not defined");
    }

    @Test
    void rejectsABadCountryCodeInThePlacesGazetteer() throws IOException {
        copyBundled();
        edit("places.yaml", "{name: Iran, countries: [IR]", "{name: Iran, countries: [Iran]");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("places.yaml: place Iran")
                .hasMessageContaining("not an ISO alpha-2 code");
    }

    @Test
    void rejectsAGroupDefinedTwice() throws IOException {
        copyBundled();
        edit("groups.yaml", "  - id: ttp", "  - id: taliban");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("groups.yaml: group taliban: defined twice");
    }

    @Test
    void rejectsAMissingGazetteerFile() throws IOException {
        copyBundled();
        Files.delete(dir.resolve("groups.yaml"));
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("groups.yaml: (file): not found");
    }

    @Test
    void rejectsMalformedYaml() throws IOException {
        copyBundled();
        Files.writeString(dir.resolve("threat-taxonomy.yaml"), "version: [unclosed\n");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("not valid YAML");
    }

    private void copyBundled() throws IOException {
        for (String name : FILES) {
            try (InputStream in = TaxonomyLoader.class.getResourceAsStream("/taxonomy/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertThat(text).as("fixture text in %s", file).contains(from);
        Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
