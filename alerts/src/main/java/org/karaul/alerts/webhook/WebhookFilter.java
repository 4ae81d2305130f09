package org.karaul.alerts.webhook;

import org.karaul.contract.Alert;
import org.karaul.contract.WebhookSubscription;

/** Whether an alert is for a subscription: severity at least its minimum, and a category and a country it names. */
final class WebhookFilter {
    private WebhookFilter() {
    }

    static boolean accepts(WebhookSubscription s, Alert a) {
        if (a == null || a.severity() == null || !a.severity().atLeast(s.minSeverity())) {
            return false;
        }
        boolean category = s.categories().isEmpty() || a.categories().stream().anyMatch(c -> s.categories().stream()
                .anyMatch(wanted -> c.equals(wanted) || c.startsWith(wanted + ".")));
        boolean country = s.countries().isEmpty() || a.countries().stream().anyMatch(s.countries()::contains);
        return category && country;
    }
}
