package org.karaul.loadtest;

import java.util.Random;

/**
 * The rest of an article page after its lead: everyday regional news (economy, weather, sport, culture, transport)
 * in English or Russian, with a made-up name and figure after each sentence so that no two pages read the same.
 * None of it is about security, so it never makes an item relevant by itself.
 */
final class Filler {
    private static final String[] EN = {
        "The regional administration said the new school in the district centre would open before the autumn term.",
        "Wheat prices at the central bazaar rose slightly after a dry spring cut the harvest in the northern oblasts.",
        "The national airline added two weekly flights to Istanbul and plans a route to Seoul next year.",
        "Forecasters expect warm, dry weather across the valley until the end of the week, with light winds.",
        "The football federation confirmed that the league final will be played at the republican stadium in May.",
        "A new cargo terminal on the railway line is expected to handle twice as many containers as the old yard.",
        "The central bank kept its policy rate unchanged, citing slowing inflation in food and services.",
        "Cotton farmers said water supplies from the reservoir were sufficient for the second irrigation round.",
        "The ministry of culture opened an exhibition of felt carpets and embroidered wall hangings at the national museum.",
        "Tourist arrivals to the mountain resorts grew by a fifth compared with the same season last year.",
        "The city council approved a plan to replace old trolleybuses with electric buses over three years.",
        "Students from the technical university won a regional robotics contest held in the capital.",
        "Remittances from labour migrants rose in the third quarter, the statistics agency reported.",
        "The power grid operator said repairs on the high-voltage line would finish ahead of the heating season.",
        "A new bridge over the river will shorten the road between the two district centres by forty kilometres.",
        "The theatre festival brought troupes from six countries, with performances in three languages.",
        "Beekeepers in the foothills reported a good honey harvest after a mild and rainy summer.",
        "The health ministry began a vaccination campaign against measles in rural clinics.",
        "Exporters of dried fruit signed contracts with buyers in China and the Gulf states at a trade fair.",
        "The wrestling team returned from the Asian championships with two gold and three bronze medals.",
    };

    private static final String[] RU = {
        "В районном центре до начала учебного года откроется новая школа на шестьсот мест, сообщили в акимате.",
        "Цены на пшеницу на центральном рынке немного выросли после засушливой весны в северных областях.",
        "Национальная авиакомпания добавила два еженедельных рейса в Стамбул и планирует открыть направление на Сеул.",
        "Синоптики ожидают теплую и сухую погоду в долине до конца недели при слабом ветре.",
        "Федерация футбола подтвердила, что финал чемпионата пройдет на республиканском стадионе в мае.",
        "Новый грузовой терминал на железной дороге сможет обрабатывать вдвое больше контейнеров, чем старая станция.",
        "Национальный банк сохранил базовую ставку, сославшись на замедление инфляции в продуктах и услугах.",
        "Хлопкоробы сообщили, что воды из водохранилища хватит для второго полива.",
        "В национальном музее открылась выставка войлочных ковров и вышитых настенных панно.",
        "Число туристов на горнолыжных курортах выросло на пятую часть по сравнению с прошлым сезоном.",
        "Городской кенеш одобрил план замены старых троллейбусов электробусами в течение трех лет.",
        "Студенты технического университета победили в региональном конкурсе по робототехнике.",
        "Денежные переводы трудовых мигрантов в третьем квартале выросли, сообщил комитет по статистике.",
        "Оператор энергосистемы заявил, что ремонт высоковольтной линии завершится до начала отопительного сезона.",
        "Новый мост через реку сократит дорогу между двумя районными центрами на сорок километров.",
        "Театральный фестиваль собрал труппы из шести стран, спектакли шли на трех языках.",
        "Пчеловоды предгорий сообщили о хорошем урожае меда после мягкого и дождливого лета.",
        "Министерство здравоохранения начало кампанию вакцинации против кори в сельских больницах.",
        "Экспортеры сухофруктов подписали контракты с покупателями из Китая и стран Персидского залива.",
        "Сборная по борьбе вернулась с чемпионата Азии с двумя золотыми и тремя бронзовыми медалями.",
    };

    private Filler() {
    }

    /** Appends paragraphs to {@code text} until it is at least {@code chars} long; Russian unless {@code lang} is English. */
    static void pad(StringBuilder text, String lang, int chars, Random random) {
        boolean english = "en".equals(lang);
        String[] pool = english ? EN : RU;
        while (text.length() < chars) {
            text.append("\n\n");
            for (int i = 0; i < 3 && text.length() < chars + 200; i++) {
                text.append(pool[random.nextInt(pool.length)]).append(' ').append(name(random, english)).append(", ")
                        .append(1 + random.nextInt(99_999)).append(". ");
            }
        }
    }

    private static String name(Random random, boolean english) {
        String letters = english ? "abdegiklmnoprstuvz" : "абвгдежзиклмнопрстуфхы";
        StringBuilder b = new StringBuilder();
        int length = 5 + random.nextInt(6);
        for (int k = 0; k < length; k++) {
            char c = letters.charAt(random.nextInt(letters.length()));
            b.append(k == 0 ? Character.toUpperCase(c) : c);
        }
        return b.toString();
    }
}
