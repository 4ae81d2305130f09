package org.karaul.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.karaul.contract.RawItem;
import org.karaul.contract.kafka.Json;

/**
 * What the backtest tests replay and compare with: the dev set's items as a recorded stream (read from
 * {@code ../shared/eval/dev.jsonl}, reserved ids left out), two reports of one heroin seizure, one item with a word no
 * taxonomy knows, and a candidate taxonomy made from the bundled one by removing every term of the drug-trafficking
 * category and adding that word to the cyber-attack category.
 */
final class Fixtures {
    /** The word only the candidate taxonomy knows. */
    static final String CANARY = "karaulcanary";
    static final String REMOVED = "trafficking.drugs";
    static final String GAINER = "cyber.attack";
    static final Path DEV_SET = shared("eval/dev.jsonl");
    static final Path RESERVED = shared("eval/reserved-ids.txt");
    private static final List<String> TAXONOMY_FILES = List.of("threat-taxonomy.yaml", "groups.yaml", "lexicons.yaml",
            "places.yaml", "places-generated.yaml");

    private Fixtures() {
    }

    /** {@code shared/<relative>} beside the project root (searched upwards from the working directory). */
    static Path shared(String relative) {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return Path.of("..", "shared").resolve(relative).toAbsolutePath().normalize();
    }

    /** The item with the canary word: from a grade-A source, so one report is enough to alert. */
    static RawItem canary() {
        Instant at = Instant.parse("2025-06-20T10:00:00Z");
        return new RawItem("canary00000000000000000000000001", "https://example.org/canary", "Officials in Bishkek report a "
                + CANARY, "Officials in Bishkek, Kyrgyzstan, said on Friday that a " + CANARY + " had been seen near the"
                + " government building.", at, "canary-wire", "rss", "A", "en", at, 1);
    }

    /**
     * One heroin seizure reported by two outlets of different owners: a drug-trafficking development corroborated by
     * two independent sources, so the deployed rules alert on it (the dev set's items are single reports).
     */
    static List<RawItem> seizure() {
        String title = "Border police seize 180 kg of heroin near the Tajik border";
        String text = "Border police in Tajikistan's Gorno-Badakhshan region seized 180 kilograms of heroin hidden in a truck"
                + " near the border with Afghanistan, officials said. Two drivers were detained. Officials said the drugs"
                + " were destined for smuggling networks operating across the Panj river.";
        Instant first = Instant.parse("2025-06-21T08:00:00Z");
        Instant second = first.plusSeconds(3600);
        return List.of(
                new RawItem("seizure0000000000000000000000001", "https://example.org/seizure-1", title, text, first,
                        "steppe-wire", "rss", "B", "en", first, 1),
                new RawItem("seizure0000000000000000000000002", "https://example.net/seizure-2", "Tajik border police seize"
                        + " 180 kg of heroin", text.replace("officials said", "the border service said"), second,
                        "pamir-post", "rss", "B", "en", second, 1));
    }

    /** The dev set's items, the seizure reports and the canary as one raw-item JSONL file in {@code dir}. */
    static Path stream(Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(DEV_SET, StandardCharsets.UTF_8));
        for (RawItem item : seizure()) {
            lines.add(Json.mapper().writeValueAsString(item));
        }
        lines.add(Json.mapper().writeValueAsString(canary()));
        Path file = dir.resolve("stream.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The candidate taxonomy directory in {@code dir}: the bundled one, changed as the class comment says. */
    static Path candidateTaxonomy(Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("candidate-taxonomy"));
        for (String name : TAXONOMY_FILES) {
            try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("taxonomy/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("taxonomy/" + name + " is not on the class path");
                }
                Files.write(out.resolve(name), in.readAllBytes());
            }
        }
        Path yaml = out.resolve("threat-taxonomy.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        int block = text.indexOf("  - id: " + REMOVED + "\n");
        int from = text.indexOf("    signals:\n", block);
        int to = text.indexOf("    exclude:\n", from);
        if (block < 0 || from < 0 || to < 0 || to > text.indexOf("  - id: ", block + 1)) {
            throw new IllegalStateException(REMOVED + " signals not found in the bundled taxonomy");
        }
        // every term of the category goes; one no text has keeps the category defined, as the contract requires
        text = text.substring(0, from) + "    signals:\n      - {weight: 2, any: [\"karaulneverseen\"], lang: any}\n"
                + text.substring(to);
        String gainer = "  - id: " + GAINER + "\n";
        int signals = text.indexOf("    signals:\n", text.indexOf(gainer));
        if (text.indexOf(gainer) < 0 || signals < 0) {
            throw new IllegalStateException(GAINER + " signals not found in the bundled taxonomy");
        }
        int at = signals + "    signals:\n".length();
        text = text.substring(0, at) + "      - {weight: 2, any: [\"" + CANARY + "\"], lang: any}\n" + text.substring(at);
        Files.writeString(yaml, text, StandardCharsets.UTF_8);
        return out;
    }
}
