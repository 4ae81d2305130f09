package org.karaul.processor.gazetteer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Writes the world's countries in Kazakh (Cyrillic and the 2021 Latin alphabet), Kyrgyz, Uzbek (both scripts) and
 * Tajik as {@code places.yaml} lines, on request only: {@code -Dkaraul.abroadnames=FILE}. The names are CLDR's
 * territory names (Unicode licence) as the JDK reads them ({@code Locale.getDisplayCountry} with the CLDR provider);
 * Kazakh Latin is Kazakh Cyrillic spelled in the 2021 alphabet. The six states of the region and territories that are
 * no UN member are left out, and so are names of four letters or fewer and names whose stem is a common word
 * ({@link #COMMON}): the lines are pasted into {@code places.yaml} under "the world's countries in the local languages"
 * and read there, so a hand edit there wins over a run of this tool.
 */
class AbroadNames {
    /** Not UN members (territories, dependencies), besides the region's own states. */
    private static final Set<String> SKIPPED = Set.of("KZ", "KG", "TJ", "TM", "UZ", "AF", "AQ", "AS", "AI", "AW", "AX",
            "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "EH", "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU",
            "HK", "HM", "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR",
            "RE", "SH", "SJ", "SX", "TC", "TF", "TK", "UM", "VA", "VG", "VI", "WF", "YT");
    /** Names whose Russian or local stem is a common word: Грузия~груз ("cargo"), Дания~дан ("given"), Чили~чили; in Kyrgyz
     * text (PlaceSample) багыт ("direction") reached Багам, палата ("chamber") Палау and конгон ("stayed") Конго. */
    private static final Set<String> COMMON = Set.of("грузия", "дания", "чили", "нигер", "кения", "гвинея", "доминика",
            "гренада", "бутан", "жорджия", "gruziya", "daniya", "chili", "niger", "keniya", "gvineya", "багам", "палау", "palau",
            "конго", "kongo");
    private static final String[] LANGS = {"kk", "ky", "uz", "uz-Cyrl", "tg"};

    @Test
    void write() throws IOException {
        String file = System.getProperty("karaul.abroadnames");
        Assumptions.assumeTrue(file != null, "runs only with -Dkaraul.abroadnames=FILE");
        List<String> lines = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            if (SKIPPED.contains(code)) {
                continue;
            }
            Locale country = new Locale("", code);
            Set<String> names = new LinkedHashSet<>();
            for (String lang : LANGS) {
                String name = country.getDisplayCountry(Locale.forLanguageTag(lang));
                if (name.equals(code)) {
                    continue;
                }
                add(names, name);
                if (lang.equals("kk")) {
                    add(names, kazakhLatin(name));
                }
            }
            if (!names.isEmpty()) {
                lines.add("  - {name: \"" + country.getDisplayCountry(Locale.ENGLISH) + " (world, local)\", countries: [\"" + code
                        + "\"], kind: country, lang: local, aliases: [" + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()) + "]}");
            }
        }
        Files.write(Path.of(file), lines, StandardCharsets.UTF_8);
    }

    private static void add(Set<String> names, String name) {
        String plain = name.replace('‘', 'ʻ').replace('’', 'ʻ');
        boolean oneShortWord = !plain.contains(" ") && plain.codePoints().filter(Character::isLetter).count() <= 4;
        if (!oneShortWord && !COMMON.contains(plain.toLowerCase(Locale.ROOT))) {
            names.add(plain);
        }
    }

    /** Kazakh Cyrillic in the 2021 Latin alphabet (ә ä, ғ ğ, і ı, и й i, ң ñ, ө ö, ш ş, ұ ū, у u, ү ü, ы y). */
    static String kazakhLatin(String cyrillic) {
        StringBuilder out = new StringBuilder();
        for (char c : cyrillic.toCharArray()) {
            boolean upper = Character.isUpperCase(c);
            String l = switch (Character.toLowerCase(c)) {
                case 'а' -> "a"; case 'ә' -> "ä"; case 'б' -> "b"; case 'в' -> "v"; case 'г' -> "g"; case 'ғ' -> "ğ";
                case 'д' -> "d"; case 'е', 'э' -> "e"; case 'ё' -> "io"; case 'ж' -> "j"; case 'з' -> "z";
                case 'и', 'й' -> "i"; case 'і' -> "ı"; case 'к' -> "k"; case 'қ' -> "q"; case 'л' -> "l"; case 'м' -> "m";
                case 'н' -> "n"; case 'ң' -> "ñ"; case 'о' -> "o"; case 'ө' -> "ö"; case 'п' -> "p"; case 'р' -> "r";
                case 'с' -> "s"; case 'т' -> "t"; case 'у' -> "u"; case 'ұ' -> "ū"; case 'ү' -> "ü"; case 'ф' -> "f";
                case 'х', 'һ' -> "h"; case 'ц' -> "ts"; case 'ч' -> "ch"; case 'ш' -> "ş"; case 'щ' -> "şş";
                case 'ъ', 'ь' -> ""; case 'ы' -> "y"; case 'ю' -> "iu"; case 'я' -> "ia";
                default -> String.valueOf(c);
            };
            out.append(upper && !l.isEmpty() ? Character.toUpperCase(l.charAt(0)) + l.substring(1) : l);
        }
        return out.toString();
    }
}
