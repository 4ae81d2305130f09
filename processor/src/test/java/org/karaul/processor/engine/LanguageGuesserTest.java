package org.karaul.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuesserTest {
    private final LanguageGuesser guesser = new LanguageGuesser();

    @Test
    void aStatedLanguageWinsAndOtherCodesFallBackToTheScript() {
        assertThat(guesser.ruleLanguage("ru", "Police seize heroin", "Police in Osh seized heroin.")).isEqualTo("ru");
        assertThat(guesser.ruleLanguage("ky", "Ош шаарында", "Милиция героин кармады.")).isEqualTo("ru");
        assertThat(guesser.ruleLanguage("uz", "Toshkentda", "Militsiya geroin musodara qildi.")).isEqualTo("en");
    }

    @Test
    void aClearScriptDecidesWithoutTheDetector() {
        assertThat(LanguageGuesser.clearScript("Қазақстанда полиция 300 кг гашиш тәркіледі")).isEqualTo("ru");
        assertThat(LanguageGuesser.clearScript("Police in Shymkent seized 300 kg of hashish")).isEqualTo("en");
        assertThat(LanguageGuesser.clearScript("ГКНБ: задержаны члены ячейки ISIS")).isEqualTo("ru");
    }

    @Test
    void mixedScriptIsLeftToTheDetector() {
        String mixed = "Telegram-канал Amaq опубликовал claim of responsibility за взрыв";
        assertThat(LanguageGuesser.clearScript(mixed)).isNull();
        assertThat(guesser.ruleLanguage(null, mixed, "")).isIn("en", "ru");
        assertThat(LanguageGuesser.clearScript("2026-11-23 12:00")).isNull();
    }
}
