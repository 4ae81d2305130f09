package org.karaul.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandsTest {
    private static final String ITEMS = String.join("\n",
            "{\"id\":\"a-1\",\"title\":\"Kazakh police seize 300 kg of hashish in Shymkent\","
                    + "\"text\":\"Police in Shymkent seized 300 kilograms of hashish and detained three suspects.\",\"lang\":\"en\","
                    + "\"source\":\"x\",\"gold\":{\"relevant\":true,\"categories\":[\"trafficking.drugs\"],\"countries\":[\"KZ\"],"
                    + "\"groups\":[],\"severity\":\"high\"}}",
            "{\"id\":\"a-2\",\"title\":\"Astana hosts jazz festival\",\"text\":\"Musicians from 20 countries played in Astana.\","
                    + "\"gold\":{\"relevant\":false,\"categories\":[],\"countries\":[],\"groups\":[],\"severity\":\"none\"}}",
            "");

    @TempDir
    Path dir;

    @Test
    void classifyWritesOneContractLinePerItemInInputOrder() throws Exception {
        Path in = dir.resolve("items.jsonl");
        Files.writeString(in, ITEMS);
        StringWriter out = new StringWriter();
        int code = new CommandLine(new ClassifyCommand()).setOut(new PrintWriter(out)).execute(in.toString());
        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper m = new ObjectMapper();
        JsonNode first = m.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("a-1");
        assertThat(first.get("relevant").asBoolean()).isTrue();
        assertThat(first.get("severity").asText()).isEqualTo("high");
        assertThat(first.at("/categories/0/id").asText()).isEqualTo("trafficking.drugs");
        assertThat(first.at("/categories/0/evidence/0/term").asText()).isNotBlank();
        assertThat(first.get("countries").get(0).asText()).isEqualTo("KZ");
        assertThat(first.get("taxonomyVersion").asText()).isNotBlank();
        assertThat(first.has("gold")).isFalse();
        JsonNode second = m.readTree(lines.get(1));
        assertThat(second.get("id").asText()).isEqualTo("a-2");
        assertThat(second.get("relevant").asBoolean()).isFalse();
        assertThat(second.get("categories")).isEmpty();
    }

    @Test
    void evalPrintsTheFiguresAndPassesAnAttainableThreshold() throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, ITEMS);
        StringWriter out = new StringWriter();
        int code = new CommandLine(new EvalCommand()).setOut(new PrintWriter(out))
                .execute("--gold", gold.toString(), "--min-micro-f1", "0.5");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("trafficking.drugs", "category micro-F1", "category macro-F1", "relevance",
                "country F1", "group F1", "severity accuracy", "worst errors");
    }

    @Test
    void evalExitsNonZeroBelowTheThreshold() throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, ITEMS.replace("trafficking.drugs", "trafficking.arms"));
        StringWriter err = new StringWriter();
        int code = new CommandLine(new EvalCommand()).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("--gold", gold.toString(), "--min-micro-f1", "0.9");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("below the threshold");
    }

    @Test
    void theMonitorEngineWritesTheSameClassificationsAsTheIndex() throws Exception {
        Path in = dir.resolve("items.jsonl");
        Files.writeString(in, ITEMS);
        StringWriter index = new StringWriter();
        StringWriter monitor = new StringWriter();
        assertThat(new CommandLine(new ClassifyCommand()).setOut(new PrintWriter(index)).execute(in.toString())).isZero();
        assertThat(new CommandLine(new ClassifyCommand()).setOut(new PrintWriter(monitor))
                .execute("--engine", "monitor", in.toString())).isZero();
        assertThat(monitor.toString()).isNotBlank().isEqualTo(index.toString());
    }

    @Test
    void evalPrintsALinePerStatedLanguageAndRunsWithoutTheModelOnRequest() throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, ITEMS);
        StringWriter out = new StringWriter();
        int code = new CommandLine(new EvalCommand()).setOut(new PrintWriter(out)).execute("--gold", gold.toString(), "--rules-only");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("language", "items", "micro-F1");
        assertThat(out.toString().lines().filter(l -> l.matches("^(en|ru|unstated) +\\d+ .*"))).isNotEmpty();
    }

    @Test
    void anUnknownEngineIsRefusedNamingTheChoices() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new EvalCommand()).setErr(new PrintWriter(err)).execute("--gold", "x.jsonl", "--engine", "regex");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--engine must be index or monitor, not 'regex'");
    }

    @Test
    void bothCommandsOfferHelp() {
        StringWriter out = new StringWriter();
        assertThat(new CommandLine(new EvalCommand()).setOut(new PrintWriter(out)).execute("--help")).isZero();
        assertThat(out.toString()).contains("--gold", "--min-micro-f1", "--taxonomy");
        StringWriter out2 = new StringWriter();
        assertThat(new CommandLine(new ClassifyCommand()).setOut(new PrintWriter(out2)).execute("--help")).isZero();
        assertThat(out2.toString()).contains("FILE");
    }
}
