package org.karaul.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Evidence;

class DigestsTest {
    private static TaxonomyClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = Classifiers.load(null, TaxonomyClassifier.Engine.INDEX);
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void aQuietStoryInScopeIsNotDrownedByASportsResultInTheSameDigest() {
        String text = "Главное за день:\n"
                + "• «Дордой» обыграл «Алай» в финале кубка, решающий гол забит на 90-й минуте.\n"
                + "• В Оше милиция изъяла 12 килограммов гашиша у двух наркокурьеров.\n"
                + "• Курс доллара в обменниках Бишкека снизился.\n";
        Classification c = classifier.classify(new Document("digest-1", "Вечерний дайджест", text, "ru"));

        assertThat(c.relevant()).isTrue();
        assertThat(c.categories()).extracting(CategoryLabel::id).containsExactly("trafficking.drugs");
        assertThat(c.countries()).containsExactly("KG");
        for (Evidence e : c.categories().get(0).evidence()) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.term());
        }
    }

    @Test
    void aDigestWithNoStoryInScopeIsNotRelevant() {
        String text = "Коротко:\n— В Алматы открылся новый терминал аэропорта.\n— Курс тенге укрепился.\n"
                + "— В Бишкеке прошёл фестиваль плова.\n";
        assertThat(classifier.classify(new Document("digest-2", "Коротко", text, "ru")).relevant()).isFalse();
    }

    @Test
    void quotedSpeechAfterParagraphsIsOneArticleNotADigest() {
        String paragraph = "В Баткенской области прошло совещание руководителей пограничных отрядов, на котором обсуждали "
                + "обустройство застав и ремонт дорог вдоль границы. Участники отметили, что обстановка остаётся спокойной, "
                + "а новые посты будут построены до конца года.\n";
        String text = paragraph + "— Мы продолжим работу, — сказал начальник.\n— Дороги отремонтируют летом.\n"
                + "— Связь на заставах улучшится.\n";
        assertThat(Digests.stories(text)).isEmpty();
        assertThat(Digests.stories("Кратко:\n• один\n• два\n• три\n")).hasSize(3);
    }

    @Test
    void storiesHeadedByAPlaceLabelAreSplitAndKeepTheirPlace() {
        String text = "ISFARA — Police detained a man with 7 kg of hashish he planned to take to Khujand.\n\n"
                + "WEATHER — Forecasters warned of temperatures up to 44C through the weekend.\n\n"
                + "FOOTBALL — The national cup final will be played at the renovated stadium after the team's season ended.\n";
        assertThat(Digests.stories(text)).hasSize(3);
        Classification c = classifier.classify(new Document("digest-3", "Sughd roundup", text, "en"));

        assertThat(c.relevant()).isTrue();
        assertThat(c.categories()).extracting(CategoryLabel::id).containsExactly("trafficking.drugs");
        assertThat(c.countries()).containsExactly("TJ");
    }

    @Test
    void topicLabelsMarkStoriesButOrdinaryLinesDoNot() {
        assertThat(Digests.stories("WEEK IN REVIEW\nSpace. A launch.\nBread. Prices fell.\nHockey. A loss.\n")).hasSize(3);
        assertThat(Digests.stories("RISK BRIEF\nAfghanistan: one.\nUzbekistan: two.\nTajikistan: three.\n")).hasSize(3);
        String article = "The court heard the case on Monday. The defendant denied the charges and his lawyer asked for "
                + "an acquittal.\nThe prosecutor said the evidence was clear.\nThe verdict is due next week.\n";
        assertThat(Digests.stories(article)).isEmpty();
        String interview = "Host: Welcome back.\nGuest: Thank you.\nHost: What happened at the border?\n"
                + "Guest: Nothing serious.\n";
        assertThat(Digests.stories(interview)).as("speakers come back; a digest's labels do not").isEmpty();
    }
}
