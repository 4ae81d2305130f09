package org.karaul.alerts;

import java.time.Instant;
import java.util.List;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Evidence;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Topics;

/** Classified items as the classifier writes them, for tests that start at {@code karaul.items.classified}. */
final class Stories {
    static final String CLASH_EN = "Border guards exchange fire on Kyrgyz-Tajik frontier, one soldier killed";
    static final String CLASH_EN_TEXT = "BATKEN — Kyrgyz and Tajik border guards exchanged fire on Sunday morning near a "
            + "disputed stretch of road in Batken region. One Kyrgyz soldier was killed and two were wounded.";
    static final String CLASH_RU = "На кыргызско-таджикской границе произошла перестрелка, погиб военнослужащий";
    static final String CLASH_RU_TEXT = "В воскресенье утром на участке кыргызско-таджикской границы в Баткенской области "
            + "произошла перестрелка между пограничниками двух стран. Один военнослужащий погиб, двое ранены.";

    private Stories() {
    }

    static ClassifiedItem item(String source, String grade, String lang, String title, String text, Instant published,
                               String category, Severity severity, String country) {
        String url = "https://" + source + ".example/" + Integer.toHexString(title.hashCode()) + "/" + published.getEpochSecond();
        RawItem raw = new RawItem(ItemIds.forUrl(url), url, title, text, published, source, "rss", grade, lang,
                published.plusSeconds(20), 1);
        String term = title.split(" ")[0];
        CategoryLabel label = new CategoryLabel(category, severity, 0.9, List.of(new Evidence("title", 0, term.length(), term)));
        return new ClassifiedItem(raw, true, severity, List.of(label), List.of(country), List.of(), "t1",
                new SourceOffset(Topics.ITEMS_RAW.name(), 0, 1_000_000L + Math.abs(url.hashCode() % 1000)), published.plusSeconds(30));
    }
}
