package org.karaul.ingest.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.karaul.ingest.extract.Article;
import org.karaul.ingest.extract.ArticleExtractor;
import org.karaul.ingest.extract.SiteSelectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code karaul extract FILE...}: prints one JSON object per HTML file ({@code .html.gz} too) with
 * {@code file, url, title, text, published, lang}, or {@code {"file":..., "error":...}}.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the article from HTML files; print one JSON object per file.")
public final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "HTML files (.html or .html.gz)")
    List<Path> files;

    @Option(names = "--url", description = "URL the page came from (for relative links and dates in the URL)")
    String url;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : files) {
            JsonLines.print(out, extractOne(file));
        }
        return 0;
    }

    private ObjectNode extractOne(Path file) {
        try {
            Article a = extractor.extract(JsonLines.read(file), null, url, SiteSelectors.NONE);
            ObjectNode n = JsonLines.MAPPER.createObjectNode();
            n.put("file", file.toString());
            if (a.url() != null) {
                n.put("url", a.url());
            }
            n.put("title", a.title());
            n.put("text", a.text());
            n.put("published", a.published() == null ? null : a.published().toString());
            n.put("lang", a.lang());
            if (a.author() != null) {
                n.put("author", a.author());
            }
            return n;
        } catch (Exception | StackOverflowError e) {
            return JsonLines.error(file.toString(), e);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExtractCommand()).execute(args));
    }
}
