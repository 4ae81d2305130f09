package org.karaul.alerts.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values a subscription's filter may name: the category families and ids of the classification contract
 * ({@code shared/spec/classification-contract.md}; a taxonomy may add sub-categories below an id, so
 * {@code terrorism.attack.x} passes too), and ISO 3166-1 alpha-2 country codes.
 */
final class Filters {
    static final Set<String> CATEGORIES = Set.of("terrorism.attack", "terrorism.plot_disrupted", "terrorism.group_activity",
            "terrorism.financing", "extremism.recruitment", "extremism.online", "extremism.foreign_fighters",
            "trafficking.drugs", "trafficking.arms", "trafficking.people", "border.incursion", "border.interstate_clash",
            "border.dispute", "unrest.mass_protest", "unrest.ethnic_violence", "security.csto_deployment",
            "security.exercise", "security.cooperation", "cyber.attack", "hybrid.disinformation");
    static final Set<String> FAMILIES = CATEGORIES.stream().map(c -> c.substring(0, c.indexOf('.')))
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Filters() {
    }

    static boolean category(String c) {
        if (FAMILIES.contains(c) || CATEGORIES.contains(c)) {
            return true;
        }
        return c.matches("[a-z_]+(\\.[a-z_]+){2,}") && CATEGORIES.stream().anyMatch(id -> c.startsWith(id + "."));
    }

    static boolean country(String c) {
        return COUNTRIES.contains(c);
    }

    static String families() {
        return Arrays.toString(FAMILIES.stream().sorted().toArray());
    }
}
