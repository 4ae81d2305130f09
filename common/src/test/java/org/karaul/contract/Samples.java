package org.karaul.contract;

import java.time.Instant;
import java.util.List;

/** Example records with every field filled, for round-trip and schema tests. */
final class Samples {
    static final Instant T0 = Instant.parse("2026-03-14T08:10:00Z");

    private Samples() {
    }

    static RawItem raw() {
        String url = "https://24.kg/proisshestvija/1.html";
        return new RawItem(ItemIds.forUrl(url), url, "В Бишкеке задержаны члены ячейки",
                "Сотрудники ГКНБ задержали трёх человек.", T0, "24kg", "rss", "B", "ru", T0.plusSeconds(60), 1);
    }

    static CategoryLabel label() {
        return new CategoryLabel("terrorism.plot_disrupted", Severity.HIGH, 0.91,
                List.of(new Evidence("title", 10, 18, "задержаны")));
    }

    static ClassifiedItem classified() {
        return new ClassifiedItem(raw(), true, Severity.HIGH, List.of(label()), List.of("KG"),
                List.of("hizb_ut_tahrir"), "2026.11.1", new SourceOffset("karaul.items.raw", 2, 41), T0.plusSeconds(61),
                List.of(bishkek()));
    }

    static PlaceRef bishkek() {
        return new PlaceRef("geonames:1528675", "Bishkek", "KG", "town", 42.87, 74.59);
    }

    static Development development() {
        return new Development("dev-1", DevelopmentStatus.OPENED, "title", Severity.HIGH, List.of("terrorism.plot_disrupted"),
                List.of("KG"), List.of(), List.of(bishkek().id()), T0, T0, 1,
                List.of(new SourceRef("24kg", raw().url(), "B")), 1, List.of(label()),
                List.of(new SourceOffset("karaul.items.raw", 2, 41)), "2026.11.1", "Сотрудники ГКНБ задержали трёх человек.",
                List.of(new TimelineEntry(T0, DevelopmentStatus.OPENED, "24kg", raw().url(), raw().title(), Severity.HIGH, "ru")), null,
                List.of(bishkek()));
    }

    static Alert alert() {
        return new Alert("alert-1", "opened", "dev-1", "title", "summary", Severity.HIGH,
                List.of("terrorism.plot_disrupted"), List.of("KG"), List.of("hizb_ut_tahrir"),
                List.of(new SourceRef("24kg", raw().url(), "B")), List.of(label()), T0, T0,
                new Lineage("2026.11.1", "default.high", List.of(new SourceOffset("karaul.items.raw", 2, 41))), T0,
                1, 1, development().timeline(), new Spike("terrorism.plot_disrupted", "KG", T0, T0.plusSeconds(21600), 5,
                0.5, 4.5), List.of(bishkek()));
    }

    static AlertEvent alertEvent() {
        return AlertEvent.of(alert());
    }

    static WebhookSubscription subscription() {
        return new WebhookSubscription("sub-1", "https://desk.example/hook", "s3cret", List.of("terrorism"),
                List.of("KG"), Severity.HIGH, T0);
    }

    /** As written to the topic: the secret sealed, not in clear. */
    static WebhookSubscription sealedSubscription() {
        return subscription().sealed("v1:k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
    }

    static WebhookDeadLetter webhookDeadLetter() {
        return new WebhookDeadLetter("sub-1", "d-1", "https://desk.example/hook", 5, "HTTP 410: gone", alertEvent(), T0,
                410, WebhookDeadLetter.KIND_REJECTED);
    }

    static SeenUrl seen() {
        return new SeenUrl(raw().url(), ItemIds.sha256Hex("x"), 1, T0);
    }

    static Triage triage() {
        return new Triage("dev-1", TriageMark.CONFIRMED, null, "checked with the border service", "aigul", T0,
                List.of("border.incident"), "default.high");
    }

    static Triage duplicateTriage() {
        return new Triage("dev-2", TriageMark.DUPLICATE, "dev-1", null, "aigul", T0, List.of(), null);
    }

    static SourceAlertEvent sourceAlertEvent() {
        return SourceAlertEvent.of(new SourceAlert("24kg.broken." + T0.plusSeconds(600).toEpochMilli(), SourceAlert.BROKEN, "24kg",
                "ok", 3, 0, T0, T0, "HTTP 503", T0.plusSeconds(600)));
    }

    static SourceStatus sourceStatus() {
        return new SourceStatus("24kg", "broken", 3, 0, T0, T0, "HTTP 503", T0.plusSeconds(600));
    }
}
