package org.karaul.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Evidence;
import org.karaul.contract.Severity;
import org.karaul.processor.testing.BundledClassifier;

class ClassifierBehaviourTest {
    private final TaxonomyClassifier classifier = BundledClassifier.get();


    private static Classification classify(String title, String text, String lang) {
        return BundledClassifier.classify(title, text, lang);
    }

    @Test
    void everyLabelQuotesSpansThatStandInTheItem() {
        String title = "Bomb explodes near police station in Osh";
        String text = "An improvised explosive device went off near a police station in Osh, wounding two officers; "
                + "the GKNB opened a case on charges of an act of terrorism.";
        Classification c = classify(title, text, "en");
        assertThat(c.relevant()).isTrue();
        assertThat(c.categories()).isNotEmpty();
        for (CategoryLabel label : c.categories()) {
            assertThat(label.evidence()).isNotEmpty();
            for (Evidence e : label.evidence()) {
                String field = e.field().equals("title") ? title : text;
                assertThat(field.substring(e.start(), e.end())).isEqualTo(e.term());
            }
        }
        assertThat(c.taxonomyVersion()).isEqualTo("2026.12.12");
    }

    @Test
    void aSiblingsPassingMentionYieldsToTheLeadingStory() {
        Classification financing = classify("Court jails Namangan man for sending money to fighters in Syria",
                "The Namangan regional court jailed a 40-year-old man for eight years for financing terrorism: over two years "
                        + "he sent money through hawala brokers to militants of an armed group in Idlib, Syria.", "en");
        Classification raid = classify("Security service detains Islamic State cell members in Jizzakh",
                "The State Security Service detained four members of an Islamic State cell in Jizzakh who were preparing "
                        + "attacks on police; a pistol and a grenade were seized during searches.", "en");
        assertThat(financing.categories()).extracting(CategoryLabel::id)
                .contains("terrorism.financing").doesNotContain("extremism.foreign_fighters", "terrorism.attack");
        assertThat(raid.categories()).extracting(CategoryLabel::id)
                .contains("terrorism.plot_disrupted").doesNotContain("trafficking.arms");
    }

    @Test
    void anAttackAbroadThatHarmedNoTajikCitizenIsNotTiedToTheRegion() {
        String title = "Дар Нитсаи Фаронса ҳамлаи террористӣ рух дод";
        Classification unharmed = classify(title, "Дар шаҳри Нитсаи Фаронса марде бо корд ба мардум ҳамла кард, се нафар "
                + "кушта шуданд. Шаҳрвандони Тоҷикистон осеб надидаанд.", "tg");
        Classification wounded = classify(title, "Дар шаҳри Нитсаи Фаронса марде бо корд ба мардум ҳамла кард, се нафар "
                + "кушта шуданд. Ду шаҳрванди Тоҷикистон захмӣ шуданд.", "tg");
        assertThat(unharmed.relevant()).isFalse();
        assertThat(wounded.relevant()).isTrue();
    }

    @Test
    void theRegionsPeopleNamedUnharmedByADemonymAreNoRegionalLink() {
        String title = "Ыстамбұлдағы лаңкестік шабуыл";
        Classification unharmed = classify(title, "Ыстамбұлдағы базарда жарылыс болып, бес адам қаза тапты. "
                + "Сыртқы істер министрлігінің мәліметінше, қазақстандықтар зардап шеккен жоқ.", "kk");
        Classification wounded = classify(title, "Ыстамбұлдағы базарда жарылыс болып, бес адам қаза тапты. "
                + "Сыртқы істер министрлігінің мәліметінше, екі қазақстандық жараланды.", "kk");
        assertThat(unharmed.relevant()).isFalse();
        assertThat(wounded.relevant()).isTrue();
        Classification uzbek = classify("Berlindagi hujum", "Berlindagi bozorda yuk mashinasi olomonga bostirib kirdi, "
                + "o‘n kishi halok bo‘ldi. Konsullik ma’lumotiga ko‘ra, o‘zbekistonliklar jabrlanmadi.", "uz");
        assertThat(uzbek.relevant()).isFalse();
    }

    @Test
    void waterIsABorderMatterOnlyBetweenTwoStates() {
        Classification farm = classify("Fergana farmers switch to drip irrigation",
                "Farmers in Fergana region are laying drip irrigation on cotton fields this spring to save water from the "
                        + "canal that feeds their villages, the regional administration said.", "en");
        Classification row = classify("Fergana farmers short of water as upstream dam fills",
                "Farmers in Fergana region say the canal that feeds their villages runs low since the upstream neighbour "
                        + "began filling a new reservoir; Tashkent has raised the water intake at talks with Bishkek.", "en");
        assertThat(farm.categories()).extracting(CategoryLabel::id).doesNotContain("border.dispute");
        assertThat(row.categories()).extracting(CategoryLabel::id).contains("border.dispute");
    }

    @Test
    void whatTheTalibanAuthoritiesDoAfghanistanDoes() {
        Classification c = classify("Iran protests Taliban weir plans on the Harirud",
                "Iran's energy minister protested the Taliban's plan to build a new weir on the Harirud, which he said would "
                        + "dry out farms near Torbat-e Jam. Taliban officials replied that the water was theirs to use.", "en");
        assertThat(c.relevant()).isTrue();
        assertThat(c.groups()).contains("taliban");
        assertThat(c.countries()).contains("AF");
    }

    @Test
    void anAttackOnABorderPostByMenWhoCrossedIsAnIncursionNotATerroristAttack() {
        Classification c = classify("Gunmen who crossed from Afghanistan attack Tajik border post",
                "Armed men who crossed the Panj from Afghanistan attacked a Tajik border post near Shuroobod overnight, "
                        + "wounding a border guard; the attackers fled back across the river.", "en");
        assertThat(c.categories()).extracting(CategoryLabel::id).contains("border.incursion").doesNotContain("terrorism.attack");
    }

    @Test
    void deathsRaiseTheSeverityButANegatedCasualtyDoesNot() {
        String wounded = "Police dispersed a rally of several hundred protesters in Osh; 12 people were injured.";
        String calm = "Police dispersed a rally of several hundred protesters in Osh; no injuries were reported.";
        assertThat(classify("Protest in Osh", wounded, "en").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(classify("Protest in Osh", calm, "en").severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void anOngoingInvestigationIsNotAnEventInProgress() {
        Classification seizure = classify("Police seize heroin in Osh",
                "Police in Osh seized 40 kilograms of heroin and detained two couriers; the investigation is continuing.", "en");
        Classification manhunt = classify("Police officer stabbed in Osh",
                "A man shouting religious slogans stabbed a police officer in Osh; the attacker is still at large and a manhunt "
                        + "is under way. A case was opened under the article on terrorism.", "en");
        assertThat(seizure.severity()).isEqualTo(Severity.HIGH);
        assertThat(manhunt.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void russianInflectedPlaceNamesResolveToTheirCountry() {
        Classification c = classify("В Бишкеке задержаны члены ячейки ИГИЛ*",
                "Сотрудники ГКНБ задержали в Бишкеке трех членов ячейки ИГИЛ*, готовивших теракт.", "ru");
        assertThat(c.countries()).containsExactly("KG");
        assertThat(c.groups()).containsExactly("isis");
        assertThat(c.categories()).extracting(CategoryLabel::id).contains("terrorism.plot_disrupted");
    }

    @Test
    void aLongerGroupNameWinsOverTheNameInsideIt() {
        Classification c = classify("Tehrik-e Taliban Tajikistan threatens attacks on Dushanbe",
                "Tehrik-e Taliban Tajikistan, a militant group, threatened to attack Tajik officials in a statement.", "en");
        assertThat(c.groups()).containsExactly("ttt");
    }

    @Test
    void aSecurityStoryWithoutARegionalLinkIsNotRelevant() {
        Classification c = classify("Car bomb kills five in Mogadishu",
                "A car bomb exploded near a checkpoint in Mogadishu, killing five people, police said.", "en");
        assertThat(c.relevant()).isFalse();
        assertThat(c.categories()).isEmpty();
        assertThat(c.severity()).isNull();
    }

    @Test
    void atMostTwoCategoriesAndThreeCountries() {
        Classification c = classify("Kazakhstan, Kyrgyzstan, Uzbekistan and Tajikistan police seize drugs and weapons",
                "Police of Kazakhstan, Kyrgyzstan, Uzbekistan and Tajikistan seized 2 tonnes of heroin, 300 rifles and "
                        + "ammunition and detained 40 members of a terrorist cell preparing attacks, and freed trafficked women "
                        + "forced into sexual exploitation.", "en");
        assertThat(c.categories()).hasSizeLessThanOrEqualTo(2);
        assertThat(c.countries()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void detectsTheLanguageWhenTheItemDoesNotSayIt() {
        Classification c = classify("На таджикско-афганской границе изъято 200 кг героина",
                "Пограничники Таджикистана изъяли 200 килограммов героина на берегу Пянджа.", null);
        assertThat(c.categories()).extracting(CategoryLabel::id).contains("trafficking.drugs");
        assertThat(c.countries()).contains("TJ");
    }

    @Test
    void givesTheSameAnswerFromManyThreads() throws Exception {
        String title = "Uzbek police seize heroin in Termez";
        String text = "Police in Termez seized 40 kilograms of heroin smuggled from Afghanistan and detained two couriers.";
        Classification expected = classify(title, text, "en");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Classification>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> classify(title, text, "en")));
            }
            for (Future<Classification> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
