package org.karaul.alerts.develop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;

/** A development's state stays bounded however many items join it. */
class DevelopmentStateTest {
    private static final GroupingRules RULES = GroupingRules.load(null);
    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void shouldKeepTheLatestItemIdsOnlyAndStillCountEveryItemOnce() {
        int[] signature = new int[] {1, 2, 3};
        DevelopmentState s = DevelopmentState.open(item(0), signature, RULES, T0);
        int items = DevelopmentState.MAX_ITEM_IDS + 500;
        for (int i = 1; i < items; i++) {
            s = s.join(item(i), signature, RULES, T0);
        }
        DevelopmentState again = s.join(item(items - 1), signature, RULES, T0);

        assertThat(s.itemIds()).hasSize(DevelopmentState.MAX_ITEM_IDS).contains(item(items - 1).item().id())
                .doesNotContain(item(0).item().id());
        assertThat(s.development().itemCount()).isEqualTo(items);
        assertThat(again.development().itemCount()).as("a recent item seen again").isEqualTo(items);
        assertThat(s.signatures()).hasSize(DevelopmentState.MAX_SIGNATURES);
        assertThat(s.development().timeline()).hasSize(DevelopmentState.MAX_TIMELINE);
    }

    private static ClassifiedItem item(int n) {
        String url = "https://wire.example/story-" + n;
        RawItem raw = new RawItem(ItemIds.forUrl(url), url, "Border post attacked", "Gunmen attacked a border post.",
                T0.plusSeconds(n), "wire", "rss", "B", "en", T0.plusSeconds(n), 1);
        return new ClassifiedItem(raw, true, Severity.HIGH, List.of(new CategoryLabel("border.incursion", Severity.HIGH,
                1.0, List.of())), List.of("KG"), List.of(), "t1", null, T0.plusSeconds(n));
    }
}
