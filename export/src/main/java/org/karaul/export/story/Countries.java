package org.karaul.export.story;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 codes and their English names. */
public final class Countries {
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** Whether the code is an assigned ISO 3166-1 alpha-2 code (upper case). */
    public static boolean isCode(String code) {
        return code != null && ISO.contains(code);
    }

    /** The English short name ({@code KG} → {@code Kyrgyzstan}), or the code itself when it is not one. */
    public static String name(String code) {
        if (!isCode(code)) {
            return code;
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }
}
