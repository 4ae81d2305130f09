package org.karaul.export.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.karaul.contract.Severity;
import org.karaul.export.story.GroupCatalog;
import org.karaul.export.story.Story;
import org.karaul.export.testing.Demo;
import org.karaul.export.testing.MispValidator;
import org.junit.jupiter.api.Test;

/** Demo developments as MISP events satisfy the MISP core format's required fields. */
class MispExportTest {
    private final MispEvents events = new MispEvents(GroupCatalog.fromClasspath());
    private final MispValidator validator = new MispValidator();

    private ObjectNode export(Story... stories) {
        return events.events(List.of(stories));
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void shouldWriteValidEventsOfTheDemoDevelopments() throws Exception {
        ObjectNode list = export(Story.of(Demo.borderClash()), Story.of(Demo.plot()), Story.of(Demo.sparse()));

        assertThat(validator.validateList(list)).isEmpty();
        assertThat(list.path("response")).hasSize(3);
        // what is written is what was validated
        JsonNode reread = new ObjectMapper().readTree(MispEvents.json(list));
        assertThat(validator.validateList(reread)).isEmpty();
    }

    @Test
    void shouldMapADevelopmentToAnEventWithLinksEvidenceAndTags() {
        JsonNode e = export(Story.of(Demo.borderClash())).path("response").get(0).path("Event");

        assertThat(e.path("info").asText()).startsWith("Border guards exchange fire");
        assertThat(e.path("date").asText()).isEqualTo("2026-11-22");
        assertThat(e.path("threat_level_id").asText()).isEqualTo("1");
        assertThat(e.path("analysis").asText()).isEqualTo("1");
        assertThat(e.path("timestamp").asText()).isEqualTo(Long.toString(Demo.T0.plusSeconds(1800).getEpochSecond()));
        List<String> links = e.path("Attribute").findParents("type").stream()
                .filter(a -> a.path("type").asText().equals("link")).map(a -> a.path("value").asText()).toList();
        assertThat(links).containsExactly("https://steppe-wire.example/en/border-clash.html",
                "https://kabar.example/ru/granica.html", "https://asia-plus.example/news/clash");
        assertThat(texts(e.path("Attribute"), "comment")).contains("lead of the most reliable item")
                .anyMatch(c -> c.startsWith("evidence for border.interstate_clash"));
        assertThat(texts(e.path("Attribute"), "to_ids")).containsOnly("false");
        assertThat(texts(e.path("Tag"), "name")).contains("misp-galaxy:country=\"kyrgyzstan\"",
                "misp-galaxy:country=\"tajikistan\"", "karaul:category=\"border.interstate_clash\"",
                "admiralty-scale:source-reliability=\"b\"", "admiralty-scale:information-credibility=\"1\"");
        assertThat(e.has("Galaxy")).isFalse();
    }

    @Test
    void shouldPutGroupsInTheThreatActorGalaxyWithTheirSynonyms() {
        JsonNode e = export(Story.of(Demo.plot())).path("response").get(0).path("Event");

        JsonNode galaxy = e.path("Galaxy").get(0);
        assertThat(galaxy.path("type").asText()).isEqualTo("threat-actor");
        assertThat(texts(galaxy.path("GalaxyCluster"), "value")).containsExactly("Islamic State", "Hizb ut-Tahrir");
        assertThat(galaxy.path("GalaxyCluster").get(0).path("meta").path("synonyms").toString()).contains("Daesh");
        assertThat(texts(e.path("Tag"), "name")).contains("misp-galaxy:threat-actor=\"Islamic State\"");
        assertThat(e.path("analysis").asText()).as("opened").isEqualTo("0");
    }

    @Test
    void shouldGiveTheSameUuidsOnReExport() {
        ObjectNode a = export(Story.of(Demo.plot()));
        ObjectNode b = export(Story.of(Demo.plot()));

        assertThat(MispEvents.json(b)).isEqualTo(MispEvents.json(a));
        assertThat(a.path("response").get(0).path("Event").path("uuid").asText())
                .isEqualTo(export(Story.of(Demo.plot()), Story.of(Demo.sparse())).path("response").get(0).path("Event").path("uuid").asText());
    }

    @Test
    void shouldMapSeverityAndStatusToMispLevels() {
        assertThat(MispMapper.threatLevel(Severity.CRITICAL)).isEqualTo("1");
        assertThat(MispMapper.threatLevel(Severity.MEDIUM)).isEqualTo("2");
        assertThat(MispMapper.threatLevel(Severity.INFO)).isEqualTo("3");
        assertThat(MispMapper.threatLevel(null)).isEqualTo("4");
        assertThat(MispMapper.analysis(org.karaul.contract.DevelopmentStatus.CLOSED)).isEqualTo("2");
    }

    @Test
    void validatorShouldCatchMissingFieldsAndWrongPairs() {
        ObjectNode list = export(Story.of(Demo.plot()));
        ObjectNode e = (ObjectNode) list.path("response").get(0).path("Event");
        e.remove("date");
        e.put("threat_level_id", 1);
        ((ObjectNode) e.path("Attribute").get(0)).put("category", "Network activity");
        ((ObjectNode) e.path("Tag").get(0)).put("name", "renamed");

        assertThat(validator.validateList(list))
                .anyMatch(m -> m.contains("date is missing"))
                .anyMatch(m -> m.contains("threat_level_id is missing or not a non-empty string"))
                .anyMatch(m -> m.contains("category 'Network activity' is not allowed for type 'link'"))
                .anyMatch(m -> m.contains("tag_name is not among the event's tags"));
    }
}
