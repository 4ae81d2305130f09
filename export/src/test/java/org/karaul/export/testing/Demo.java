package org.karaul.export.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.karaul.contract.Alert;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.Evidence;
import org.karaul.contract.Lineage;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.SourceRef;
import org.karaul.contract.TimelineEntry;
import org.karaul.contract.kafka.Topics;

/** Demo developments in the shapes the processor writes (sources, timeline, evidence spans). */
public final class Demo {
    public static final Instant T0 = Instant.parse("2026-11-22T06:40:00Z");

    private Demo() {
    }

    /** A border clash on the Kyrgyz–Tajik frontier reported by three outlets of two owners; no group. */
    public static Development borderClash() {
        String u1 = "https://steppe-wire.example/en/border-clash.html";
        String u2 = "https://kabar.example/ru/granica.html";
        String u3 = "https://asia-plus.example/news/clash";
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry(T0, DevelopmentStatus.OPENED, "steppe-wire", u1,
                        "Border guards exchange fire on Kyrgyz-Tajik frontier, one soldier killed", Severity.CRITICAL, "en"),
                new TimelineEntry(T0.plusSeconds(900), DevelopmentStatus.UPDATED, "kabar", u2,
                        "Перестрелка на кыргызско-таджикской границе", Severity.CRITICAL, "ru"),
                new TimelineEntry(T0.plusSeconds(1800), DevelopmentStatus.UPDATED, "asia-plus", u3,
                        "Clash at the border", Severity.HIGH, "en"));
        CategoryLabel label = new CategoryLabel("border.interstate_clash", Severity.CRITICAL, 0.93,
                List.of(new Evidence("title", 0, 29, "Border guards exchange fire"), new Evidence("text", 57, 69, "soldier killed")));
        return new Development("dev-border-1", DevelopmentStatus.UPDATED, timeline.get(0).title(), Severity.CRITICAL,
                List.of("border.interstate_clash"), List.of("KG", "TJ"), List.of(), List.of("Batken"), T0,
                T0.plusSeconds(1800), 3,
                List.of(new SourceRef("steppe-wire", u1, "B"), new SourceRef("kabar", u2, "C"), new SourceRef("asia-plus", u3, null)),
                2, List.of(label), List.of(new SourceOffset("karaul.items.raw", 0, 12)), "2026.11.1",
                "Border guards of Kyrgyzstan and Tajikistan exchanged fire near Batken; one soldier was killed.",
                timeline, null);
    }

    /** A disrupted plot naming two groups in Kyrgyzstan, one grade-A source. */
    public static Development plot() {
        String u = "https://24.example/kg/plot.html";
        CategoryLabel label = new CategoryLabel("terrorism.plot_disrupted", Severity.HIGH, 0.88,
                List.of(new Evidence("title", 0, 9, "Задержаны"), new Evidence("text", 40, 48, "ИГИЛ")));
        return new Development("dev-plot-7", DevelopmentStatus.OPENED, "Задержаны сторонники ИГИЛ и Хизб ут-Тахрир",
                Severity.HIGH, List.of("terrorism.plot_disrupted", "extremism.arrest"), List.of("KG"),
                List.of("isis", "hizb_ut_tahrir"), List.of("Bishkek"), T0.minusSeconds(86_400), T0.minusSeconds(86_400), 1,
                List.of(new SourceRef("24kg", u, "A")), 1, List.of(label), List.of(), "2026.11.1",
                "Сотрудники ГКНБ задержали трёх человек.",
                List.of(new TimelineEntry(T0.minusSeconds(86_400), DevelopmentStatus.OPENED, "24kg", u,
                        "Задержаны сторонники ИГИЛ и Хизб ут-Тахрир", Severity.HIGH, "ru")), null);
    }

    /** A development naming a group the taxonomy does not list, without country, timeline or evidence. */
    public static Development sparse() {
        return new Development("dev-sparse", DevelopmentStatus.CLOSED, "", Severity.LOW, List.of("unrest.protest"),
                List.of(), List.of("unlisted_group"), List.of(), null, T0, 1, List.of(), 0, List.of(), List.of(),
                "2026.11.1", null, List.of(), null);
    }

    /** The alert the alerts service would raise on the border clash. */
    public static Alert borderAlert() {
        Development d = borderClash();
        return new Alert(d.id() + ".opened.critical.0-5", "opened", d.id(), d.title(), d.lead(), d.severity(),
                d.categories(), d.countries(), d.groups(), d.sources(), d.evidence(), d.firstSeen(), d.lastSeen(),
                new Lineage(d.taxonomyVersion(), "default.critical", d.origins()), d.lastSeen().plusSeconds(2),
                d.itemCount(), d.independentSources(), d.timeline(), null);
    }

    /** The development as the topic's value, for a JSONL line. */
    public static String jsonLine(Development d) {
        return new String(Topics.DEVELOPMENTS.valueSerde().serializer().serialize("t", d), StandardCharsets.UTF_8);
    }

    /** The same development, last seen at another time and with another title. */
    public static Development seenAt(Development d, Instant firstSeen, Instant lastSeen, String title) {
        return new Development(d.id(), d.status(), title, d.severity(), d.categories(), d.countries(), d.groups(),
                d.places(), firstSeen, lastSeen, d.itemCount(), d.sources(), d.independentSources(), d.evidence(),
                d.origins(), d.taxonomyVersion(), d.lead(), d.timeline(), d.spike());
    }
}
