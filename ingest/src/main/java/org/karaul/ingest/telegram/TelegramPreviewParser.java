package org.karaul.ingest.telegram;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.karaul.ingest.feed.FeedDates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the posts on a {@code t.me/s/<channel>} page (the widget markup Telegram serves to browsers). */
public final class TelegramPreviewParser {
    private TelegramPreviewParser() {
    }

    public static List<TelegramPost> parse(String html, String pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl);
        List<TelegramPost> posts = new ArrayList<>();
        for (Element m : doc.select(".tgme_widget_message[data-post]")) {
            String[] ref = m.attr("data-post").split("/");
            if (ref.length != 2 || !ref[1].matches("\\d{1,18}")) {
                continue;
            }
            Element textEl = m.selectFirst(".tgme_widget_message_text");
            Element time = m.selectFirst(".tgme_widget_message_date time[datetime], time[datetime]");
            Set<String> links = new LinkedHashSet<>();
            if (textEl != null) {
                textEl.select("a[href]").forEach(a -> {
                    String href = a.absUrl("href");
                    if (href.startsWith("http")) {
                        links.add(href);
                    }
                });
            }
            posts.add(new TelegramPost(ref[0], Long.parseLong(ref[1]),
                    time == null ? null : FeedDates.parse(time.attr("datetime")).orElse(null),
                    textEl == null ? "" : text(textEl), new ArrayList<>(links)));
        }
        return posts;
    }

    private static String text(Element el) {
        StringBuilder sb = new StringBuilder();
        for (Node n : el.childNodes()) {
            append(n, sb);
        }
        return sb.toString().replaceAll("[ \\t]+", " ").replaceAll(" *\n *", "\n").trim();
    }

    private static void append(Node n, StringBuilder sb) {
        if (n instanceof TextNode t) {
            sb.append(t.text());
        } else if (n instanceof Element e) {
            if ("br".equals(e.normalName())) {
                sb.append('\n');
                return;
            }
            e.childNodes().forEach(c -> append(c, sb));
        }
    }
}
