package org.karaul.ingest.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.karaul.ingest.feed.FeedEntry;
import org.karaul.ingest.feed.FeedParser;
import org.karaul.ingest.feed.ParsedFeed;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code karaul parse-feed FILE...}: prints one JSON object per file with the feed title and entries,
 * or {@code {"file":..., "error":...}} when the file is not a readable feed. Exit 0 unless the command itself fails.
 */
@Command(name = "parse-feed", mixinStandardHelpOptions = true,
        description = "Parse RSS/Atom files; print one JSON object per file (feed title and entries, or an error).")
public final class ParseFeedCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "feed files (.gz is gunzipped)")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final FeedParser parser = FeedParser.standard();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : files) {
            JsonLines.print(out, parseOne(file));
        }
        return 0;
    }

    private ObjectNode parseOne(Path file) {
        try {
            ParsedFeed feed = parser.parse(JsonLines.read(file), null, null);
            return toJson(file.toString(), feed);
        } catch (Exception | StackOverflowError e) {
            return JsonLines.error(file.toString(), e);
        }
    }

    static ObjectNode toJson(String file, ParsedFeed feed) {
        ObjectNode n = JsonLines.MAPPER.createObjectNode();
        n.put("file", file);
        n.put("format", feed.format());
        n.put("title", feed.title());
        if (feed.link() != null) {
            n.put("link", feed.link());
        }
        ArrayNode entries = n.putArray("entries");
        for (FeedEntry e : feed.entries()) {
            ObjectNode en = entries.addObject();
            en.put("title", e.title());
            en.put("link", e.link());
            en.put("id", e.id());
            en.put("published", e.published() == null ? null : e.published().toString());
            en.put("summary", e.summary());
        }
        return n;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ParseFeedCommand()).execute(args));
    }
}
