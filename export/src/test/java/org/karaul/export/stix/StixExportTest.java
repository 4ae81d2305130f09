package org.karaul.export.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.karaul.contract.Development;
import org.karaul.export.story.GroupCatalog;
import org.karaul.export.story.Story;
import org.karaul.export.testing.Demo;
import org.karaul.export.testing.StixValidator;
import org.junit.jupiter.api.Test;

/** Demo developments as a STIX 2.1 bundle pass the OASIS schemas and the rules they cannot express. */
class StixExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StixValidator VALIDATOR = new StixValidator();
    private final StixValidator validator = VALIDATOR;
    private final StixBundles bundles = new StixBundles(GroupCatalog.fromClasspath());

    private String export(Development... developments) {
        return StixBundles.json(bundles.bundle(List.of(developments).stream().map(Story::of).toList()));
    }

    private static List<JsonNode> ofType(JsonNode bundle, String type) {
        return StreamSupport.stream(bundle.path("objects").spliterator(), false)
                .filter(o -> o.path("type").asText().equals(type)).toList();
    }

    @Test
    void shouldWriteAValidBundleOfTheDemoDevelopments() throws Exception {
        String json = export(Demo.borderClash(), Demo.plot(), Demo.sparse());

        assertThat(validator.validate(json)).isEmpty();
        JsonNode bundle = JSON.readTree(json);
        assertThat(ofType(bundle, "report")).hasSize(3);
        assertThat(ofType(bundle, "identity")).hasSize(1);
        assertThat(ofType(bundle, "indicator")).as("news text carries no observable").isEmpty();
        // KG is shared by two developments and appears once
        assertThat(ofType(bundle, "location")).extracting(l -> l.path("country").asText()).containsExactly("KG", "TJ");
    }

    @Test
    void shouldMapADevelopmentToAReportWithItsCountriesSourcesAndEvidence() throws Exception {
        JsonNode bundle = JSON.readTree(export(Demo.borderClash()));
        JsonNode report = ofType(bundle, "report").get(0);

        assertThat(report.path("id").asText()).isEqualTo(StixMapper.reportId("dev-border-1"));
        assertThat(report.path("name").asText()).startsWith("Border guards exchange fire");
        assertThat(report.path("report_types")).extracting(JsonNode::asText).containsExactly("threat-report");
        assertThat(report.path("created").asText()).isEqualTo("2026-11-22T06:40:00.000Z");
        assertThat(report.path("modified").asText()).isEqualTo("2026-11-22T07:10:00.000Z");
        assertThat(report.path("published").asText()).isEqualTo("2026-11-22T07:10:00.000Z");
        assertThat(report.path("labels")).extracting(JsonNode::asText).containsExactly("border.interstate_clash");
        // B and C from two independent owners: 1 - 0.25 * 0.40 = 0.90
        assertThat(report.path("confidence").asInt()).isEqualTo(90);
        List<String> urls = new ArrayList<>();
        report.path("external_references").forEach(r -> urls.add(r.path("url").asText(null)));
        assertThat(urls).containsExactly(null, "https://steppe-wire.example/en/border-clash.html",
                "https://kabar.example/ru/granica.html", "https://asia-plus.example/news/clash");
        assertThat(report.path("external_references").get(0).path("external_id").asText()).isEqualTo("dev-border-1");
        assertThat(report.path("external_references").get(1).path("description").asText()).contains("source reliability B");

        List<String> countries = ofType(bundle, "location").stream().map(l -> l.path("name").asText()).toList();
        assertThat(countries).containsExactly("Kyrgyzstan", "Tajikistan");
        JsonNode note = ofType(bundle, "note").get(0);
        assertThat(note.path("object_refs")).extracting(JsonNode::asText).containsExactly(report.path("id").asText());
        assertThat(note.path("content").asText()).contains("border.interstate_clash (critical, score 0.93)")
                .contains("title[0..29]: \"Border guards exchange fire\"");
        assertThat(ofType(bundle, "relationship")).as("no group, so no relationship").isEmpty();
    }

    @Test
    void shouldMapNamedGroupsToIntrusionSetsWithTheirAliases() throws Exception {
        JsonNode bundle = JSON.readTree(export(Demo.plot()));
        List<JsonNode> sets = ofType(bundle, "intrusion-set");

        assertThat(sets).extracting(s -> s.path("name").asText()).containsExactly("Islamic State", "Hizb ut-Tahrir");
        List<String> isisAliases = new ArrayList<>();
        sets.get(0).path("aliases").forEach(a -> isisAliases.add(a.asText()));
        assertThat(isisAliases).contains("ISIS", "Daesh", "ИГИЛ").doesNotContain("=ISIS", "Islamic State");
        List<JsonNode> relationships = ofType(bundle, "relationship");
        assertThat(relationships).hasSize(2).allSatisfy(r -> {
            assertThat(r.path("relationship_type").asText()).isEqualTo("related-to");
            assertThat(r.path("target_ref").asText()).isEqualTo(ofType(bundle, "location").get(0).path("id").asText());
            assertThat(r.has("stop_time")).as("first seen = last seen: no stop_time").isFalse();
        });
        JsonNode report = ofType(bundle, "report").get(0);
        assertThat(report.path("object_refs")).extracting(JsonNode::asText)
                .contains(sets.get(0).path("id").asText(), sets.get(1).path("id").asText(),
                        relationships.get(0).path("id").asText());
        assertThat(report.path("confidence").asInt()).as("one grade-A source").isEqualTo(90);
    }

    @Test
    void shouldGiveTheSameIdsAndBytesOnReExport() {
        String first = export(Demo.plot(), Demo.borderClash());
        String again = export(Demo.borderClash(), Demo.plot());

        assertThat(again).isEqualTo(first);
    }

    @Test
    void shouldKeepTheReportIdWhenTheDevelopmentChanges() throws Exception {
        Development before = Demo.borderClash();
        Development later = new Development(before.id(), before.status(), before.title(), before.severity(),
                before.categories(), before.countries(), before.groups(), before.places(), before.firstSeen(),
                before.lastSeen().plusSeconds(3600), before.itemCount() + 1, before.sources(), before.independentSources(),
                before.evidence(), before.origins(), before.taxonomyVersion(), before.lead(), before.timeline(), null);
        JsonNode a = ofType(JSON.readTree(export(before)), "report").get(0);
        JsonNode b = ofType(JSON.readTree(export(later)), "report").get(0);

        assertThat(b.path("id")).isEqualTo(a.path("id"));
        assertThat(b.path("created")).isEqualTo(a.path("created"));
        assertThat(b.path("modified").asText()).isGreaterThan(a.path("modified").asText());
    }

    @Test
    void shouldGiveAnAlertTheReportIdOfItsDevelopment() throws Exception {
        String json = StixBundles.json(bundles.bundle(List.of(Story.of(Demo.borderAlert()))));

        assertThat(validator.validate(json)).isEmpty();
        assertThat(ofType(JSON.readTree(json), "report").get(0).path("id").asText())
                .isEqualTo(StixMapper.reportId("dev-border-1"));
    }

    @Test
    void shouldExportAGroupTheTaxonomyDoesNotListUnderItsId() throws Exception {
        JsonNode bundle = JSON.readTree(export(Demo.sparse()));

        assertThat(ofType(bundle, "intrusion-set")).extracting(s -> s.path("name").asText()).containsExactly("unlisted_group");
        assertThat(ofType(bundle, "report").get(0).path("name").asText()).isEqualTo("Development dev-sparse");
        assertThat(validator.validate(bundle)).isEmpty();
    }

    @Test
    void shouldWriteABundleWithoutObjectsWhenNothingIsExported() {
        String json = export();

        assertThat(validator.validate(json)).isEmpty();
        assertThat(json).doesNotContain("objects");
    }

    @Test
    void validatorShouldCatchWhatTheSpecificationForbids() throws Exception {
        ObjectNode bundle = (ObjectNode) JSON.readTree(export(Demo.plot()));
        ArrayNode objects = (ArrayNode) bundle.get("objects");
        ObjectNode report = (ObjectNode) ofType(bundle, "report").get(0);
        ((ArrayNode) report.get("object_refs")).add("location--00000000-0000-4000-8000-000000000000");
        report.put("modified", "2020-01-01T00:00:00Z");
        ObjectNode note = (ObjectNode) ofType(bundle, "note").get(0);
        note.put("id", "note--not-a-uuid");
        note.remove("content");
        ObjectNode rel = (ObjectNode) ofType(bundle, "relationship").get(0);
        rel.put("stop_time", rel.get("start_time").asText());
        objects.add(objects.get(0).deepCopy());

        List<String> errors = validator.validate(bundle);

        assertThat(errors).anyMatch(e -> e.contains("object_refs location--00000000-0000-4000-8000-000000000000 is not in the bundle"))
                .anyMatch(e -> e.contains("modified") && e.contains("milliseconds"))
                .anyMatch(e -> e.contains("note--not-a-uuid: id is not"))
                .anyMatch(e -> e.contains("content"))
                .anyMatch(e -> e.contains("stop_time") && e.contains("is not after"))
                .anyMatch(e -> e.contains("occurs more than once"))
                .hasSizeGreaterThan(6);
        bundle.put("id", "report--00000000-0000-4000-8000-000000000000");
        assertThat(validator.validate(bundle)).anyMatch(e -> e.startsWith("bundle schema:"));
    }
}
