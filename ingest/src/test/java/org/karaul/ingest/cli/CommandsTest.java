package org.karaul.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karaul.ingest.testing.Fixtures;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldPrintOneJsonPerFeedFileAndOneLineErrorsWithExitZero() throws IOException {
        Path feed = Files.write(dir.resolve("feed.rss"), Fixtures.bytes("feed.rss"));
        Path junk = Files.write(dir.resolve("junk.xml"), "<html><body>not a feed".getBytes());

        Run run = run(new ParseFeedCommand(), feed.toString(), junk.toString(), dir.resolve("missing.xml").toString());

        assertThat(run.exit).isZero();
        assertThat(run.lines).hasSize(3);
        JsonNode first = JSON.readTree(run.lines.get(0));
        assertThat(first.path("title").asText()).isEqualTo("Тестовые новости");
        assertThat(first.path("entries")).hasSize(2);
        assertThat(first.path("entries").get(0).path("published").asText()).isEqualTo("2026-11-22T02:30:00Z");
        assertThat(JSON.readTree(run.lines.get(1)).path("error").asText()).contains("not a feed");
        assertThat(JSON.readTree(run.lines.get(2)).path("error").asText()).contains("NoSuchFileException");
        assertThat(run.lines).allSatisfy(l -> assertThat(l).doesNotContain("\tat "));
    }

    @Test
    void shouldExtractHtmlAndGzippedHtml() throws IOException {
        Path html = Files.write(dir.resolve("a.html"), Fixtures.bytes("article-border.html"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Fixtures.bytes("article-drills.html"));
        }
        Path gzipped = Files.write(dir.resolve("b.html.gz"), gz.toByteArray());

        Run run = run(new ExtractCommand(), "--url", "https://ex.kz/news/2026/11/22/border-1", html.toString(),
                gzipped.toString());

        assertThat(run.exit).isZero();
        JsonNode a = JSON.readTree(run.lines.get(0));
        assertThat(a.path("file").asText()).isEqualTo(html.toString());
        assertThat(a.path("url").asText()).isEqualTo("https://ex.kz/news/2026/11/22/border-1");
        assertThat(a.path("title").asText()).startsWith("Пограничники");
        assertThat(a.path("published").asText()).isEqualTo("2026-11-22T02:30:00Z");
        assertThat(a.path("lang").asText()).isEqualTo("ru");
        assertThat(JSON.readTree(run.lines.get(1)).path("text").asText()).startsWith("Совместные учения");
    }

    private record Run(int exit, List<String> lines) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        int exit = cl.execute(args);
        return new Run(exit, out.toString().lines().toList());
    }
}
