package org.karaul.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.karaul.processor.classify.Document;

/**
 * Deterministic ~2 KB news-like articles in English and Russian, assembled from a pool of sentences,
 * each followed by a made-up name and figure so that about one word in eight is new to the analyser.
 */
final class Articles {
    static final int TARGET_CHARS = 2048;

    private static final String[] EN = {
        "Kyrgyzstan's State Committee for National Security said on Tuesday it had detained four members of a cell in Osh region.",
        "Police in Tajikistan's Khatlon region seized 120 kilograms of hashish hidden in a truck near the Afghan border.",
        "The CSTO Joint Staff said units of the Collective Rapid Reaction Forces completed a command-staff exercise near Almaty.",
        "Officials in Tashkent said the talks focused on trade, transport corridors and energy supplies for the coming winter.",
        "Residents of two villages in Batken district threw stones at each other in a dispute over an irrigation channel.",
        "The ministry dismissed as fake a video circulating on Telegram that claimed fighting had broken out on the border.",
        "A court in Astana sentenced a man to seven years for financing terrorism through cryptocurrency wallets.",
        "Turkmenistan's gas exports to China rose by six percent in the first half of the year, customs data showed.",
        "Hackers disrupted the website of a regional administration for several hours before specialists restored it.",
        "The weather service warned of heavy rain and mudflows in the foothills over the weekend.",
        "Border guards exchanged fire with armed smugglers who tried to cross the Panj River from Afghanistan overnight.",
        "Uzbekistan repatriated 30 women and children from camps in northeast Syria under its humanitarian programme.",
        "The national football team prepared for a World Cup qualifier with a training camp in Antalya.",
        "Investigators said the recruiters approached labour migrants at construction sites and in prayer rooms.",
    };

    private static final String[] RU = {
        "Сотрудники ГКНБ Кыргызстана задержали в Джалал-Абадской области четырех членов запрещенной организации.",
        "Пограничники Таджикистана изъяли на берегу Пянджа более 80 килограммов гашиша, доставленного с афганской стороны.",
        "В Алматинской области завершилось совместное учение подразделений Коллективных сил оперативного реагирования ОДКБ.",
        "Стороны обсудили развитие торговли, транспортных коридоров и поставки электроэнергии в зимний период.",
        "Жители двух приграничных сел Баткенского района устроили драку из-за водораспределительного пункта.",
        "В МВД назвали фейком распространяющееся в Telegram видео о якобы начавшихся столкновениях на границе.",
        "Суд Астаны приговорил местного жителя к семи годам за финансирование терроризма через криптовалютные кошельки.",
        "Экспорт газа из Туркменистана в Китай вырос на шесть процентов по итогам полугодия.",
        "Хакеры на несколько часов нарушили работу сайта областного акимата, работа восстановлена.",
        "Синоптики предупредили о сильных дождях и селевой опасности в предгорьях в выходные.",
        "Пограничники вступили в перестрелку с вооруженными контрабандистами, пытавшимися пересечь Пяндж.",
        "Узбекистан вернул из лагерей на северо-востоке Сирии 30 женщин и детей в рамках гуманитарной операции.",
        "Национальная сборная по футболу провела учебно-тренировочный сбор в Анталии перед отборочным матчем.",
        "По данным следствия, вербовщики искали сторонников среди трудовых мигрантов на стройках и в молельных комнатах.",
    };

    private Articles() {
    }

    /** {@code count} articles, alternating English and Russian, each about {@value #TARGET_CHARS} characters. */
    static List<Document> make(int count, long seed) {
        Random random = new Random(seed);
        List<Document> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean russian = i % 2 == 1;
            String[] pool = russian ? RU : EN;
            StringBuilder text = new StringBuilder(TARGET_CHARS + 200);
            while (text.length() < TARGET_CHARS) {
                text.append(pool[random.nextInt(pool.length)]).append(' ');
                // a name and a figure never seen before, as real reports carry (defeats any per-word cache)
                text.append(name(random, russian)).append(' ').append(1 + random.nextInt(99_999)).append(". ");
            }
            String title = pool[random.nextInt(pool.length)];
            out.add(new Document("bench-" + i, title.substring(0, Math.min(90, title.length())), text.toString().trim(),
                    russian ? "ru" : "en"));
        }
        return out;
    }

    private static String name(Random random, boolean russian) {
        String letters = russian ? "абвгдежзиклмнопрстуфхшы" : "abcdefghijklmnoprstuvz";
        StringBuilder b = new StringBuilder();
        int len = 5 + random.nextInt(6);
        for (int k = 0; k < len; k++) {
            char c = letters.charAt(random.nextInt(letters.length()));
            b.append(k == 0 ? Character.toUpperCase(c) : c);
        }
        return b.toString();
    }

    /** Words of the sentence pools, for building synthetic rules that sometimes match. */
    static List<String> vocabulary() {
        List<String> words = new ArrayList<>();
        for (String[] pool : new String[][] {EN, RU}) {
            for (String sentence : pool) {
                for (String w : sentence.split("[^\\p{L}]+")) {
                    if (w.length() > 3) {
                        words.add(w.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return words;
    }
}
