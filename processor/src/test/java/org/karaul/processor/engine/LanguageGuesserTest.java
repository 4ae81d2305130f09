package org.karaul.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuesserTest {
    private final LanguageGuesser guesser = new LanguageGuesser();

    @Test
    void aStatedRuleLanguageWinsAndOtherCodesFallBackToTheScript() {
        assertThat(guesser.ruleLanguage("ru", "Police seize heroin", "Police in Osh seized heroin.")).isEqualTo("ru");
        assertThat(guesser.ruleLanguage("ky", "Ош шаарында", "Милиция героин кармады.")).isEqualTo("ky");
        assertThat(guesser.ruleLanguage("uz", "Toshkentda", "Militsiya geroin musodara qildi.")).isEqualTo("uz");
        assertThat(guesser.ruleLanguage("de", "Polizei", "Die Polizei in Osch beschlagnahmte Heroin.")).isEqualTo("en");
    }

    @Test
    void aClearScriptDecidesWithoutTheDetector() {
        assertThat(LanguageGuesser.clearScript("Қазақстанда полиция 300 кг гашиш тәркіледі")).isEqualTo("ru");
        assertThat(LanguageGuesser.clearScript("Police in Shymkent seized 300 kg of hashish")).isEqualTo("en");
        assertThat(LanguageGuesser.clearScript("ГКНБ: задержаны члены ячейки ISIS")).isEqualTo("ru");
    }

    @Test
    void theLettersOnlyOneLanguageUsesNameTheCentralAsianLanguages() {
        assertThat(guesser.ruleLanguage(null, "Шымкентте есірткі тәркіленді",
                "Полиция қызметкерлері қала маңында 12 келі есірткі тәркіледі, күдікті ұсталды.")).isEqualTo("kk");
        assertThat(guesser.ruleLanguage(null, "Ош шаарында баңгизат кармалды",
                "Милиция кызматкерлери Ош шаарынын четинде бир киши үйүнөн 5 килограмм баңгизат тапты.")).isEqualTo("ky");
        assertThat(guesser.ruleLanguage(null, "Хуҷандда маводи мухаддир ёфт шуд",
                "Кормандони милиса дар шаҳри Хуҷанд 3 кило маводи мухаддирро аз як ҷавон дастгир карданд.")).isEqualTo("tg");
        assertThat(guesser.ruleLanguage(null, "Андижонда гиёҳванд модда мусодара қилинди",
                "Ички ишлар ходимлари Андижон вилоятида бир фуқародан 2 килограмм гиёҳванд моддани ўзлаштириб олди.")).isEqualTo("uz");
        assertThat(guesser.ruleLanguage(null, "Andijonda giyohvand modda musodara qilindi",
                "Ichki ishlar xodimlari Andijon viloyatida bir fuqarodan 2 kilogramm giyohvand moddani qoʻlga olishdi va ish qoʻzgʻatildi.")).isEqualTo("uz");
        assertThat(guesser.ruleLanguage(null, "Şymkentte esırtkı tärkılendı",
                "Polisia qyzmetkerlerı qala mañynda 12 kelı esırtkı tärkıledı, küdıktı ūstaldy.")).isEqualTo("kk");
    }

    @Test
    void aRussianTextQuotingOneLocalNameStaysRussian() {
        assertThat(guesser.ruleLanguage(null, "В Шымкенте изъяли гашиш",
                "Полицейские Шымкента на улице Тәуке хана изъяли у двух мужчин около трех килограммов гашиша; "
                + "задержанные водворены в ИВС, возбуждено уголовное дело по статье о незаконном обороте наркотиков."))
                .isEqualTo("ru");
        assertThat(guesser.ruleLanguage(null, "Police seize heroin in Osh",
                "Police in the city of Osh seized two kilograms of heroin from a courier, the interior ministry said."))
                .isEqualTo("en");
    }

    @Test
    void mixedScriptIsLeftToTheDetector() {
        String mixed = "Telegram-канал Amaq опубликовал claim of responsibility за взрыв";
        assertThat(LanguageGuesser.clearScript(mixed)).isNull();
        assertThat(guesser.ruleLanguage(null, mixed, "")).isIn("en", "ru");
        assertThat(LanguageGuesser.clearScript("2026-11-23 12:00")).isNull();
    }
}
