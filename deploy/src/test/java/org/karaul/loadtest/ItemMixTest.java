package org.karaul.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;

/** The load test's items: mostly irrelevant, each about 2 KB, each with an id of its own, reserved ids never read. */
class ItemMixTest {
    @TempDir
    Path dir;

    @Test
    void shouldMixAboutTheAskedShareOfRelevantStoriesIntoUniqueTwoKilobyteItems() {
        List<ItemMix.Story> stories = List.of(
                new ItemMix.Story("Clash on the border", "Border guards exchanged fire.", "en", true),
                new ItemMix.Story("Стрельба на границе", "Пограничники открыли огонь.", "ru", true),
                new ItemMix.Story("Harvest", "The harvest was good.", "en", false),
                new ItemMix.Story("Урожай", "Урожай хороший.", "ru", false));
        ItemMix mix = new ItemMix(stories, 0.10, "test", 7);
        Set<String> ids = new HashSet<>();
        int relevant = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            RawItem item = mix.next();
            assertThat(item.id()).isEqualTo(ItemIds.forUrl(item.url()));
            assertThat(ids.add(item.id())).as("a new id").isTrue();
            assertThat(item.text().length()).isBetween(ItemMix.TARGET_CHARS, ItemMix.TARGET_CHARS + 600);
            if (item.title().startsWith("Clash") || item.title().startsWith("Стрельба")) {
                relevant++;
            }
        }
        assertThat(relevant / (double) n).isBetween(0.08, 0.12);
    }

    @Test
    void shouldGiveTheSameItemsForTheSameSeed() {
        List<ItemMix.Story> stories = List.of(new ItemMix.Story("a", "b", "en", true), new ItemMix.Story("c", "d", "en", false));
        ItemMix one = new ItemMix(stories, 0.5, "run", 3);
        ItemMix two = new ItemMix(stories, 0.5, "run", 3);
        for (int i = 0; i < 100; i++) {
            RawItem a = one.next();
            RawItem b = two.next();
            assertThat(a.url()).isEqualTo(b.url());
            assertThat(a.text()).isEqualTo(b.text());
        }
    }

    @Test
    void shouldSkipReservedIdsAndNameTheLineOfABadOne() throws IOException {
        Path file = Files.writeString(dir.resolve("items.jsonl"), """
                {"id": "x-1", "title": "Harvest", "text": "Good.", "lang": "en", "gold": {"relevant": false}}
                {"id": "ky/1", "title": "Kept aside", "text": "Never read.", "lang": "ky", "gold": {"relevant": true}}

                {"id": "x-2", "title": "Clash", "text": "Shots.", "lang": "en", "gold": {"relevant": true}}
                """);
        List<ItemMix.Story> stories = ItemMix.read(file, Set.of("ky/1"));
        assertThat(stories).extracting(ItemMix.Story::title).containsExactly("Harvest", "Clash");
        assertThat(stories).extracting(ItemMix.Story::relevant).containsExactly(false, true);

        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": \"a\", \"text\": \"t\"}\nnot json\n");
        assertThatThrownBy(() -> ItemMix.read(bad, Set.of())).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.jsonl line 2");
    }

    @Test
    void shouldGiveEachPhaseItsOwnRelevantStoriesAndEveryIrrelevantOne() {
        List<ItemMix.Story> stories = List.of(new ItemMix.Story("r1", "t", "en", true), new ItemMix.Story("n1", "t", "en", false),
                new ItemMix.Story("r2", "t", "en", true), new ItemMix.Story("r3", "t", "ru", true),
                new ItemMix.Story("n2", "t", "ru", false));
        List<List<ItemMix.Story>> halves = ItemMix.halves(stories);
        assertThat(halves.get(0)).extracting(ItemMix.Story::title).containsExactly("r1", "n1", "r3", "n2");
        assertThat(halves.get(1)).extracting(ItemMix.Story::title).containsExactly("n1", "r2", "n2");

        List<ItemMix.Story> oneRelevant = List.of(new ItemMix.Story("r", "t", "en", true), new ItemMix.Story("n", "t", "en", false));
        assertThat(ItemMix.halves(oneRelevant)).allSatisfy(h -> assertThat(h).anyMatch(ItemMix.Story::relevant));
    }

    @Test
    void shouldRefuseAPoolWithoutIrrelevantStories() {
        List<ItemMix.Story> onlyRelevant = List.of(new ItemMix.Story("a", "b", "en", true));
        assertThatThrownBy(() -> new ItemMix(onlyRelevant, 0.1, "r", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no irrelevant story");
    }
}
