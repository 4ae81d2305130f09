package org.karaul.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karaul.processor.engine.Span;
import org.karaul.processor.gazetteer.Place;

class CountryRankerTest {
    private static final Place TJ = new Place("Dushanbe", List.of("TJ"), "place", List.of("Dushanbe"));
    private static final Place AF = new Place("Afghanistan", List.of("AF"), "country", List.of("Afghanistan"));
    private static final Place RU = new Place("Russia", List.of("RU"), "country", List.of("Russia"));
    private static final Place KZ = new Place("Kazakhstan", List.of("KZ"), "country", List.of("Kazakhstan"));

    private static CountryRanker.Mention at(Place p, String text, String word, int nth) {
        int start = -1;
        for (int i = 0; i <= nth; i++) {
            start = text.indexOf(word, start + 1);
        }
        return new CountryRanker.Mention(p, new Span("text", start, start + word.length()));
    }

    private static List<String> rank(String text, boolean local, CountryRanker.Mention... mentions) {
        CountryRanker.Context ctx = new CountryRanker.Context(List.of(), List.of(), "", text, true, local, false, Set.of(), false);
        return CountryRanker.rank(new ArrayList<>(List.of(mentions)), ctx);
    }

    @Test
    void aBorderNameOrAStatesBodyInABorderOrTraffickingIncidentMakesItsCountryAParty() {
        Place afghanSide = new Place("Afghan side", List.of("AF"), "border", List.of("Afghan side"));
        Place afghanPost = new Place("Afghan bodies and sides", List.of("AF"), "institution", List.of("афганский пост"));
        String text = "Dushanbe border guards near Dushanbe and Dushanbe detained smugglers who came from the Afghan side.";
        for (Place side : List.of(afghanSide, afghanPost)) {
            List<CountryRanker.Mention> mentions = List.of(at(TJ, text, "Dushanbe", 0), at(TJ, text, "Dushanbe", 1),
                    at(TJ, text, "Dushanbe", 2), at(side, text, "Afghan side", 0));
            CountryRanker.Context drugs = new CountryRanker.Context(List.of(), List.of(), "", text, true, false, true, Set.of(), false);
            CountryRanker.Context other = new CountryRanker.Context(List.of(), List.of(), "", text, true, false, false, Set.of(), false);
            assertThat(CountryRanker.rank(new ArrayList<>(mentions), drugs)).as(side.kind()).containsExactly("TJ", "AF");
            assertThat(CountryRanker.rank(new ArrayList<>(mentions), other)).as(side.kind()).containsExactly("TJ");
        }
    }

    @Test
    void inAnItemThatHappensInOneStateAFarSecondCountryIsDropped() {
        // Dushanbe twice (3.0) against Russia once (1.0, a third of the leader) and twice (2.0, two thirds)
        String text = "Dushanbe. Dushanbe. Russia. Russia.";
        List<CountryRanker.Mention> far = List.of(at(TJ, text, "Dushanbe", 0), at(TJ, text, "Dushanbe", 1), at(RU, text, "Russia", 0));
        List<CountryRanker.Mention> close = List.of(at(TJ, text, "Dushanbe", 0), at(TJ, text, "Dushanbe", 1),
                at(RU, text, "Russia", 0), at(RU, text, "Russia", 1));
        CountryRanker.Context one = new CountryRanker.Context(List.of(), List.of(), "", text, true, false, false, Set.of(), false,
                List.of(), true);
        CountryRanker.Context any = new CountryRanker.Context(List.of(), List.of(), "", text, true, false, false, Set.of(), false,
                List.of(), false);
        assertThat(CountryRanker.rank(new ArrayList<>(far), any)).containsExactly("TJ");
        assertThat(CountryRanker.rank(new ArrayList<>(far), one)).containsExactly("TJ");
        assertThat(CountryRanker.rank(new ArrayList<>(close), one)).containsExactly("TJ", "RU");
        // 1.5 against 3.0 (half the leader): kept in general, dropped where the item happens in one state
        Place moscow = new Place("Moscow", List.of("RU"), "place", List.of("Moscow"));
        String half = "Dushanbe. Dushanbe. Moscow.";
        List<CountryRanker.Mention> m = List.of(at(TJ, half, "Dushanbe", 0), at(TJ, half, "Dushanbe", 1), at(moscow, half, "Moscow", 0));
        assertThat(CountryRanker.rank(new ArrayList<>(m), any)).containsExactly("TJ", "RU");
        assertThat(CountryRanker.rank(new ArrayList<>(m), one)).containsExactly("TJ");
    }

    @Test
    void aPassingCueQualifiesOnlyTheFirstNameAfterItAndThoseListedWithIt() {
        Place iraq = new Place("Iraq", List.of("IQ"), "country", List.of("Iraq"));
        Place syria = new Place("Syria", List.of("SY"), "country", List.of("Syria"));
        String text = "Returnee from Iraq and Syria sentenced in Dushanbe; Iraq handed him over.";
        int cue = text.indexOf("Returnee from");
        List<Span> passing = List.of(new Span("text", cue, cue + "Returnee from".length()));
        List<CountryRanker.Mention> mentions = List.of(at(iraq, text, "Iraq", 0), at(syria, text, "Syria", 0),
                at(TJ, text, "Dushanbe", 0), at(iraq, text, "Iraq", 1));
        CountryRanker.Context ctx = new CountryRanker.Context(passing, List.of(), "", text, true, false, false, Set.of(), false);
        List<CountryRanker.Mention> located = new ArrayList<>();
        assertThat(CountryRanker.rank(new ArrayList<>(mentions), ctx, located)).containsExactly("TJ", "IQ");
        // Dushanbe, 21 characters after the cue, is where it happens; Iraq and Syria, listed after the cue, pass
        assertThat(located).extracting(m -> m.place().name()).containsExactly("Dushanbe", "Iraq");
    }

    @Test
    void inALocalDocumentAFromTheSideWordAfterANameMakesItACrossing() {
        Place termiz = new Place("Termiz", List.of("UZ"), "place", List.of("Termiz"));
        String text = "Termiz Termiz: Afgʻoniston tomondan qayiq keldi.";
        int cue = text.indexOf("tomondan");
        List<Span> crossing = List.of(new Span("text", cue, cue + "tomondan".length()));
        List<CountryRanker.Mention> mentions = List.of(at(termiz, text, "Termiz", 0), at(termiz, text, "Termiz", 1),
                at(AF, text, "Afgʻoniston", 0));
        CountryRanker.Context local = new CountryRanker.Context(List.of(), crossing, "", text, true, true, false, Set.of(), false);
        CountryRanker.Context english = new CountryRanker.Context(List.of(), crossing, "", text, true, false, false, Set.of(), false);
        assertThat(CountryRanker.rank(new ArrayList<>(mentions), local)).containsExactly("UZ", "AF");
        assertThat(CountryRanker.rank(new ArrayList<>(mentions), english)).containsExactly("UZ");
    }

    @Test
    void aCountryRightBeforeANationalsWordIsPassing() {
        Place kazakhstan = new Place("Kazakhstan", List.of("KZ"), "country", List.of("Қазақстан"));
        Place pakistan = new Place("Pakistan places", List.of("PK"), "place", List.of("Карачи"));
        String text = "Карачидегі жарылыста Қазақстан азаматтары зардап шеккен жоқ.";
        int cue = text.indexOf("азаматтары");
        List<Span> nationals = List.of(new Span("text", cue, cue + "азаматтары".length()));
        List<CountryRanker.Mention> mentions = List.of(at(pakistan, text, "Карачи", 0), at(kazakhstan, text, "Қазақстан", 0));
        CountryRanker.Context before = new CountryRanker.Context(List.of(), List.of(), "", text, true, true, false, Set.of(), false,
                nationals);
        CountryRanker.Context none = new CountryRanker.Context(List.of(), List.of(), "", text, true, true, false, Set.of(), false);
        assertThat(CountryRanker.rank(new ArrayList<>(mentions), before)).containsExactly("PK");
        assertThat(CountryRanker.rank(new ArrayList<>(mentions), none)).containsExactly("PK", "KZ");
        Span name = mentions.get(1).span();
        assertThat(CountryRanker.beforeCue(nationals, name, text)).isTrue();
        String apart = "Қазақстан мен Ресей азаматтары";
        Span far = new Span("text", 0, "Қазақстан".length());
        int farCue = apart.indexOf("азаматтары");
        assertThat(CountryRanker.beforeCue(List.of(new Span("text", farCue, farCue + 10)), far, apart)).isFalse();
    }

    @Test
    void aCountryRightAfterATajikNationalsWordIsFound() {
        String text = "Дар Нитса шаҳрвандони Тоҷикистон осеб надидаанд.";
        int cue = text.indexOf("шаҳрвандони");
        List<Span> nationals = List.of(new Span("text", cue, cue + "шаҳрвандони".length()));
        int at = text.indexOf("Тоҷикистон");
        assertThat(CountryRanker.afterCue(nationals, new Span("text", at, at + "Тоҷикистон".length()), text)).isTrue();
        // a word between the people and the name: not the people's country
        String apart = "шаҳрвандони Русия ва Тоҷикистон";
        int farAt = apart.indexOf("Тоҷикистон");
        assertThat(CountryRanker.afterCue(List.of(new Span("text", 0, "шаҳрвандони".length())),
                new Span("text", farAt, farAt + "Тоҷикистон".length()), apart)).isFalse();
    }

    @Test
    void aThirdCountryIsKeptOnlyWhenItScoresAsMuchAsTheLeader() {
        String text = "Police in Dushanbe seized heroin from Afghanistan. Afghanistan said so. The courier lived in Russia.";
        List<String> two = rank(text, false, at(TJ, text, "Dushanbe", 0), at(AF, text, "Afghanistan", 0),
                at(AF, text, "Afghanistan", 1), at(RU, text, "Russia", 0));
        assertThat(two).containsExactly("AF", "TJ");
        String listed = "Troops of Russia, Kazakhstan and Afghanistan met.";
        assertThat(rank(listed, false, at(RU, listed, "Russia", 0), at(KZ, listed, "Kazakhstan", 0), at(AF, listed, "Afghanistan", 0)))
                .containsExactly("RU", "KZ", "AF");
    }

    @Test
    void inAFinancingItemACountryOutsideTheRegionIsTheMoneysDestination() {
        Place almaty = new Place("Almaty", List.of("KZ"), "place", List.of("Almaty"));
        Place syria = new Place("Syria", List.of("SY"), "country", List.of("Syria"));
        String text = "A courier in Almaty sent money to fighters in Syria.";
        List<CountryRanker.Mention> mentions = List.of(at(almaty, text, "Almaty", 0), at(syria, text, "Syria", 0));
        CountryRanker.Context financing = new CountryRanker.Context(List.of(), List.of(), "", text, true, false, false, Set.of("SY"), false);
        CountryRanker.Context other = new CountryRanker.Context(List.of(), List.of(), "", text, true, false, false, Set.of(), false);
        assertThat(CountryRanker.rank(new ArrayList<>(mentions), financing)).containsExactly("KZ");
        assertThat(CountryRanker.rank(new ArrayList<>(mentions), other)).containsExactly("KZ", "SY");
    }

    @Test
    void anExerciseIsWhereItsTownIsNotWhereItsParticipantsComeFrom() {
        String text = "Russia and Kazakhstan sent troops to a drill near Dushanbe. Russia said Russia would send more.";
        List<CountryRanker.Mention> mentions = List.of(at(RU, text, "Russia", 0), at(KZ, text, "Kazakhstan", 0),
                at(TJ, text, "Dushanbe", 0), at(RU, text, "Russia", 1), at(RU, text, "Russia", 2));
        CountryRanker.Context exercise = new CountryRanker.Context(List.of(), List.of(), "", text, false, false, false, Set.of(), true);
        CountryRanker.Context other = new CountryRanker.Context(List.of(), List.of(), "", text, false, false, false, Set.of(), false);
        assertThat(CountryRanker.rank(new ArrayList<>(mentions), exercise)).containsExactly("TJ");
        assertThat(CountryRanker.rank(new ArrayList<>(mentions), other)).startsWith("RU");
        String unplaced = "Russia and Kazakhstan held a drill.";
        CountryRanker.Context noTown = new CountryRanker.Context(List.of(), List.of(), "", unplaced, false, false, false, Set.of(), true);
        assertThat(CountryRanker.rank(new ArrayList<>(List.of(at(RU, unplaced, "Russia", 0), at(KZ, unplaced, "Kazakhstan", 0))), noTown))
                .containsExactly("RU", "KZ");
    }

    @Test
    void aCountryInTheDativeCountsAsPassingInALocalDocumentOnly() {
        Place syria = new Place("Syria", List.of("SY"), "country", List.of("Сирия"));
        Place osh = new Place("Osh", List.of("KG"), "place", List.of("Ош"));
        String text = "Ош шаарында жаштарды Сирияга жөнөткөн адам кармалды.";
        CountryRanker.Mention o = at(osh, text, "Ош", 0);
        CountryRanker.Mention s = at(syria, text, "Сирияга", 0);
        assertThat(rank(text, true, o, s)).containsExactly("KG");
        assertThat(rank(text, false, o, s)).containsExactly("KG", "SY");
    }

    @Test
    void aCountryAfterTheTajikPrepositionBaIsADestination() {
        Place russia = new Place("Russia", List.of("RU"), "country", List.of("Русия"));
        Place khujand = new Place("Khujand", List.of("TJ"), "place", List.of("Хуҷанд"));
        String text = "Дар Хуҷанд марде, ки ҷавононро ба Русия мефиристод, боздошт шуд.";
        CountryRanker.Mention k = at(khujand, text, "Хуҷанд", 0);
        CountryRanker.Mention r = at(russia, text, "Русия", 0);
        assertThat(rank(text, true, k, r)).containsExactly("TJ");
        assertThat(rank(text, false, k, r)).containsExactly("TJ", "RU");
        // «ба» only as a word of its own: «Ҳиндустонба Русия» is no preposition
        assertThat(CountryRanker.afterTajikTo("Қарорба Русия", 8)).isFalse();
        assertThat(CountryRanker.afterTajikTo("Ба Русия", 3)).isTrue();
        assertThat(CountryRanker.afterTajikTo("дар Русия", 4)).isFalse();
    }
}
