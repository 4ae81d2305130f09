package org.karaul.alerts.develop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topics;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifiers;

/**
 * Grouping through the candidate index and the decoded view of the open developments makes exactly the
 * developments that scoring every item against every open development makes ({@link Grouping#scanning}): on a
 * generated stream with hundreds of developments open at once, and on the dev set's stories, as they come and as the
 * load test mixes them (copies by several outlets, all open together).
 */
class GroupingIndexTest {
    private static final GroupingRules RULES = GroupingRules.load(null);
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final List<String> CATEGORIES = List.of("border.interstate_clash", "border.incursion",
            "terrorism.attack", "terrorism.plot_disrupted", "trafficking.drugs", "trafficking.arms", "unrest");
    private static final List<String> COUNTRIES = List.of("KG", "TJ", "UZ", "KZ", "AF", "TM");
    private static final List<String> GROUPS = List.of("isis", "iskp", "hizb_ut_tahrir");
    private static final List<String> VOCABULARY = vocabulary(5_000);

    @Test
    void shouldGroupAStreamWithManyOpenDevelopmentsAsTheScanDoes() {
        List<ClassifiedItem> items = generated(new Random(13), 1_500, 4_000);

        List<Development> indexed = group(() -> Grouping.inMemory(RULES), items);
        List<Development> scanned = group(() -> Grouping.scanning(RULES), items);

        assertSame(indexed, scanned);
        assertThat(scanned).extracting(Development::status).contains(DevelopmentStatus.OPENED, DevelopmentStatus.UPDATED,
                DevelopmentStatus.CLOSED);
        assertThat(peakOpen(items)).as("developments open at once").isGreaterThan(250);
    }

    @Test
    void shouldReadTheOpenDevelopmentsBackFromItsStoreWhenBuilt() {
        List<ClassifiedItem> items = generated(new Random(7), 300, 900);
        Grouping.Store<DevelopmentState> open = Grouping.Store.inMemory();
        Grouping.Store<SpikeState> spikes = Grouping.Store.inMemory();

        List<Development> before = group(new Grouping(RULES, open, spikes), items.subList(0, 450));
        List<Development> after = group(new Grouping(RULES, open, spikes), items.subList(450, items.size()));
        Set<String> openedBefore = before.stream().map(Development::id).collect(Collectors.toSet());
        assertThat(after).as("items after the restart that joined a development opened before it")
                .anyMatch(d -> d.status() == DevelopmentStatus.UPDATED && openedBefore.contains(d.id()));
        List<Development> restarted = new ArrayList<>(before);
        restarted.addAll(after);

        Grouping kept = Grouping.inMemory(RULES);
        List<Development> once = new ArrayList<>(group(kept, items.subList(0, 450)));
        once.addAll(group(kept, items.subList(450, items.size())));
        assertThat(once.stream().filter(d -> d.status() == DevelopmentStatus.UPDATED).count()).isGreaterThan(100);
        assertSame(restarted, once);
    }

    @Test
    void shouldOfferOnlyDevelopmentsOfACommonFamilyAndCountryWhereBothNameOne() {
        CandidateIndex index = new CandidateIndex();
        index.add(development("dev-a", List.of("border.incursion"), List.of("KG", "TJ")));
        index.add(development("dev-b", List.of("border.interstate_clash"), List.of()));
        index.add(development("dev-c", List.of("terrorism.attack", "unrest"), List.of("UZ")));
        index.add(development("dev-d", List.of("border.incursion"), List.of("UZ")));

        assertThat(index.candidates(Set.of("border"), Set.of("TJ"))).containsExactly("dev-a", "dev-b");
        assertThat(index.candidates(Set.of("border"), Set.of())).containsExactly("dev-a", "dev-b", "dev-d");
        assertThat(index.candidates(Set.of("unrest", "border"), Set.of("UZ"))).containsExactly("dev-b", "dev-c", "dev-d");
        assertThat(index.candidates(Set.of("trafficking"), Set.of("UZ"))).isEmpty();

        index.remove(development("dev-d", List.of("border.incursion"), List.of("UZ")));
        index.add(development("dev-a", List.of("border.incursion"), List.of("KG", "TJ", "UZ")));
        assertThat(index.candidates(Set.of("border"), Set.of("UZ"))).containsExactly("dev-a", "dev-b");
    }

    @Test
    void shouldGroupTheDevSetAsTheScanDoesAsItComesAndMixedLikeTheLoadTest() throws IOException {
        Path shared = Path.of(System.getProperty("karaul.shared.dir", "../shared"));
        Path devSet = shared.resolve("eval/dev.jsonl");
        assumeTrue(Files.isReadable(devSet), "needs the labelled set at " + devSet + " (see shared/data/SOURCES.md); skipping");
        List<ClassifiedItem> stories = devSet(devSet, reserved(shared.resolve("eval/reserved-ids.txt")));
        assertThat(stories).as("relevant dev-set items").hasSizeGreaterThan(50);

        List<ClassifiedItem> asTheyCome = stories.stream().sorted(Comparator.comparing(DevelopmentState::eventTime)).toList();
        assertSame(group(() -> Grouping.inMemory(RULES), asTheyCome), group(() -> Grouping.scanning(RULES), asTheyCome));

        List<ClassifiedItem> mixed = mixed(stories, new Random(42), 3_000);
        List<Development> indexed = group(() -> Grouping.inMemory(RULES), mixed);
        assertSame(indexed, group(() -> Grouping.scanning(RULES), mixed));
        assertThat(indexed.stream().filter(d -> d.status() == DevelopmentStatus.UPDATED).count()).isGreaterThan(1_000);
    }

    /** The records grouping publishes for {@code items}, with the clock at each item's event time. */
    private static List<Development> group(Supplier<Grouping> grouping, List<ClassifiedItem> items) {
        return group(grouping.get(), items);
    }

    private static List<Development> group(Grouping g, List<ClassifiedItem> items) {
        List<Development> out = new ArrayList<>();
        Instant nextTick = null;
        for (ClassifiedItem c : items) {
            Instant now = DevelopmentState.eventTime(c);
            if (nextTick == null || !now.isBefore(nextTick)) {
                out.addAll(g.closeQuiet(now));
                nextTick = now.plus(Duration.ofMinutes(10));
            }
            Grouping.Placement placed = g.place(c, now);
            if (placed != null) {
                out.addAll(g.keep(placed));
            }
        }
        out.addAll(g.openDevelopments());
        return out;
    }

    private static void assertSame(List<Development> indexed, List<Development> scanned) {
        for (int i = 0; i < Math.min(indexed.size(), scanned.size()); i++) {
            assertThat(indexed.get(i)).as("record %d of %d", i, scanned.size()).isEqualTo(scanned.get(i));
        }
        assertThat(indexed).hasSameSizeAs(scanned);
    }

    private static int peakOpen(List<ClassifiedItem> items) {
        Grouping g = Grouping.inMemory(RULES);
        int peak = 0;
        for (int i = 0; i < items.size(); i++) {
            ClassifiedItem c = items.get(i);
            g.closeQuiet(DevelopmentState.eventTime(c));
            g.keep(g.place(c, DevelopmentState.eventTime(c)));
            if (i % 100 == 0) {
                peak = Math.max(peak, g.openDevelopments().size());
            }
        }
        return peak;
    }

    /**
     * Items of {@code stories} stories spread over twelve hours, each story's items within eight hours of its start:
     * texts of made-up words from a story's own with some dropped and some added,
     * categories sometimes a sibling in the family, countries sometimes left out or one more, a few out of order.
     */
    static List<ClassifiedItem> generated(Random r, int stories, int items) {
        List<Story> all = new ArrayList<>();
        for (int s = 0; s < stories; s++) {
            all.add(Story.random(r, s));
        }
        List<ClassifiedItem> out = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            out.add(all.get(r.nextInt(stories)).item(r, i));
        }
        out.sort(Comparator.comparing(DevelopmentState::eventTime));
        for (int i = 1; i < out.size(); i++) {
            if (r.nextInt(20) == 0) {
                out.set(i - 1, out.set(i, out.get(i - 1)));
            }
        }
        return out;
    }

    private record Story(int number, Instant start, List<String> words, List<String> categories, List<String> countries,
                         List<String> groups) {
        static Story random(Random r, int number) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 40; w++) {
                words.add(word(r));
            }
            List<String> categories = new ArrayList<>(List.of(pick(r, CATEGORIES)));
            if (r.nextInt(4) == 0) {
                categories.add(pick(r, CATEGORIES));
            }
            List<String> countries = new ArrayList<>();
            for (int n = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(2); countries.size() < n; ) {
                countries.add(pick(r, COUNTRIES));
            }
            return new Story(number, T0.plusSeconds(r.nextInt(12 * 3600)), words, categories,
                    countries.stream().distinct().toList(), r.nextInt(3) == 0 ? List.of(pick(r, GROUPS)) : List.of());
        }

        ClassifiedItem item(Random r, int n) {
            StringBuilder text = new StringBuilder();
            for (String w : words) {
                if (r.nextInt(10) >= 3) {
                    text.append(w).append(' ');
                }
            }
            for (int extra = r.nextInt(8); extra > 0; extra--) {
                text.append(word(r)).append(' ');
            }
            List<String> cats = new ArrayList<>(categories);
            if (r.nextInt(6) == 0) {
                cats.set(0, sibling(r, cats.get(0)));
            }
            List<String> where = switch (r.nextInt(8)) {
                case 0 -> List.of();
                case 1 -> distinct(countries, pick(r, COUNTRIES));
                default -> countries;
            };
            Instant at = start.plusSeconds(r.nextInt(8 * 3600));
            return classified("story-" + number + "-" + n, "", text.toString(), at, "outlet-" + r.nextInt(9),
                    cats.stream().map(c -> new CategoryLabel(c, Severity.HIGH, 0.8, List.of())).toList(), where, groups,
                    Severity.values()[r.nextInt(Severity.values().length)]);
        }

        private static String sibling(Random r, String category) {
            String family = Matching.families(List.of(category)).iterator().next();
            List<String> same = CATEGORIES.stream().filter(c -> c.startsWith(family)).toList();
            return pick(r, same);
        }

        private static List<String> distinct(List<String> a, String b) {
            return a.contains(b) ? a : java.util.stream.Stream.concat(a.stream(), java.util.stream.Stream.of(b)).toList();
        }
    }

    /** One of the made-up five-letter words, each its own stem. */
    private static String word(Random r) {
        return VOCABULARY.get(r.nextInt(VOCABULARY.size()));
    }

    private static List<String> vocabulary(int size) {
        Random r = new Random(99);
        Set<String> words = new java.util.LinkedHashSet<>();
        while (words.size() < size) {
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                w.append((char) ('a' + r.nextInt(26)));
            }
            words.add(w.toString());
        }
        return List.copyOf(words);
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    /** The dev set's items, reserved ones left out, classified by the bundled classifier; the relevant ones. */
    static List<ClassifiedItem> devSet(Path file, Set<String> reserved) throws IOException {
        var classifier = Classifiers.load(null);
        List<ClassifiedItem> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = Json.mapper().readTree(line);
            if (reserved.contains(n.path("id").asText())) {
                continue;
            }
            Instant at = Instant.parse(n.path("published").asText());
            RawItem raw = raw(n.path("id").asText(), n.path("title").asText(), n.path("text").asText(), at,
                    n.path("source").asText("dev-set"), n.path("lang").asText(null));
            ClassifiedItem c = Classification.label(classifier, raw, null, at);
            if (c.relevant() && c.severity() != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The ids kept aside for evaluation, skipped by every loader; none when the file is absent. */
    static Set<String> reserved(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            return Set.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The dev set's stories as the load test mixes them: each carried by one to five outlets, copies one after the
     * other with a sentence of filler of their own, all within four hours, so every story is open at once.
     */
    static List<ClassifiedItem> mixed(List<ClassifiedItem> stories, Random r, int items) {
        List<ClassifiedItem> out = new ArrayList<>();
        Instant at = T0;
        while (out.size() < items) {
            ClassifiedItem story = pick(r, stories);
            int outlets = 1 + r.nextInt(5);
            for (int o = 0; o < outlets; o++) {
                at = at.plusMillis(r.nextInt(9_000));
                RawItem s = story.item();
                String filler = " Weather " + r.nextInt(40) + " market " + r.nextInt(40) + " football " + r.nextInt(40);
                out.add(new ClassifiedItem(raw(s.id() + "-" + out.size(), s.title(), s.text() + filler, at,
                        "outlet-" + o, s.lang()), true, story.severity(), story.categories(), story.countries(),
                        story.groups(), story.taxonomyVersion(), new SourceOffset(Topics.ITEMS_RAW.name(), 0, out.size()),
                        at, story.locations()));
            }
        }
        return out;
    }

    private static ClassifiedItem classified(String id, String title, String text, Instant at, String source,
                                             List<CategoryLabel> categories, List<String> countries, List<String> groups,
                                             Severity severity) {
        return new ClassifiedItem(raw(id, title, text, at, source, "en"), true, severity, categories, countries, groups,
                "t1", null, at);
    }

    private static RawItem raw(String name, String title, String text, Instant at, String source, String lang) {
        String url = "https://" + source + ".example/" + name;
        return new RawItem(ItemIds.forUrl(url), url, title, text, at, source, "rss", "B", lang, at, 1);
    }

    private static Development development(String id, List<String> categories, List<String> countries) {
        return new Development(id, DevelopmentStatus.OPENED, "t", Severity.HIGH, categories, countries, List.of(),
                List.of(), T0, T0, 1, List.of(), 1, List.of(), List.of(), "t1", "", List.of(), null);
    }
}
