package org.karaul.processor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.karaul.processor.classify.Document;

/**
 * The labelled generalisation corpus ({@code src/test/resources/corpus}, see its README): items
 * written for it, with their text, and hand labels of real {@code shared/data} texts, by id only,
 * joined here with {@link NewsCorpora}. Each is in one of two folds fixed by its id's hash, so no
 * item ever changes fold: {@link Fold#TUNE} for writing rules against, {@link Fold#FROZEN} only
 * for measuring.
 */
public final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The two folds. */
    public enum Fold {
        TUNE, FROZEN;

        /** The fold an id belongs to: frozen when the first byte of its SHA-256 is a multiple of three. */
        public static Fold of(String id) {
            try {
                byte first = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8))[0];
                return (first & 0xff) % 3 == 0 ? FROZEN : TUNE;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String file(String kind) {
            return "/corpus/" + kind + "-" + name().toLowerCase() + ".jsonl";
        }
    }

    /**
     * One labelled item.
     *
     * @param document the text to classify; real texts carry no stated language, as they came
     * @param language the language the labeller read it in
     * @param script   {@code cyrl} or {@code latn} for Kazakh and Uzbek items, else null
     */
    public record Labelled(Document document, String language, String script, JsonNode gold) {
    }

    private Corpus() {
    }

    /** The written items of a fold: they need nothing outside the project. */
    public static List<Labelled> written(Fold fold) {
        return labelled(fold.file("written"));
    }

    /**
     * A local-language probe batch, in neither fold: {@code 1} ({@code src/test/resources/local-probes.jsonl}), short
     * Kazakh, Uzbek and Tajik reports in both scripts, one per category and language plus near misses, written for the
     * seventh round from general knowledge of the registers rather than from the corpus; {@code 2}
     * ({@code local-probes-2.jsonl}), Kazakh, Uzbek, Tajik and Kyrgyz reports, one per category family and language
     * plus near misses, written for the eighth round before the rules were run on them; {@code 3}
     * ({@code local-probes-3.jsonl}), Kazakh, Uzbek and Tajik in both scripts, eight reports and four near misses per
     * language and script in desk registers, written for the ninth round before its lexicon changes were run on them;
     * {@code 4} ({@code local-probes-4.jsonl}), all six languages and scripts, nine reports and five near misses each,
     * written and labelled blind (by a hand that read the contract but no rule or lexicon) to measure, not to tune.
     */
    public static List<Labelled> localProbes(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("probe batches are numbered from 1, not " + batch);
        }
        return labelled(batch == 1 ? "/local-probes.jsonl" : "/local-probes-" + batch + ".jsonl");
    }

    private static List<Labelled> labelled(String resource) {
        List<Labelled> out = new ArrayList<>();
        for (JsonNode n : lines(resource)) {
            Document doc = new Document(n.get("id").asText(), n.path("title").asText(""), n.path("text").asText(""),
                    n.path("lang").asText(null));
            out.add(new Labelled(doc, doc.lang(), n.path("script").asText(null), n.get("gold")));
        }
        return out;
    }

    /**
     * The real items of a fold, joined with their texts; empty when {@code shared/data} is absent.
     * Reserved ids never reach this far: {@link NewsCorpora#all()} leaves them out.
     */
    public static List<Labelled> real(Fold fold) {
        List<JsonNode> labels = lines(fold.file("real"));
        Set<String> ids = labels.stream().map(n -> n.get("id").asText()).collect(Collectors.toSet());
        Map<String, Document> texts = NewsCorpora.all().stream().filter(d -> ids.contains(d.id()))
                .collect(Collectors.toMap(Document::id, Function.identity(), (a, b) -> a));
        List<Labelled> out = new ArrayList<>();
        for (JsonNode n : labels) {
            Document doc = texts.get(n.get("id").asText());
            if (doc != null) {
                out.add(new Labelled(doc, n.path("lang").asText(null), null, n.get("gold")));
            }
        }
        return out;
    }

    /** Ids of every item of a fold's files, written and real, whether or not its text is at hand. */
    public static List<String> ids(Fold fold) {
        List<String> out = new ArrayList<>();
        for (String kind : List.of("written", "real")) {
            lines(fold.file(kind)).forEach(n -> out.add(n.get("id").asText()));
        }
        return out;
    }

    private static List<JsonNode> lines(String resource) {
        InputStream in = Corpus.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("test resource " + resource + " is missing");
        }
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int no = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                no++;
                if (!line.isBlank()) {
                    try {
                        out.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new IllegalStateException(resource + " line " + no + ": " + e.getMessage(), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return out;
    }
}
