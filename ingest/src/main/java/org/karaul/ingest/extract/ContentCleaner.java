package org.karaul.ingest.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/** Prunes what sits inside the article body but is not article: link lists, share bars, image strips, headings. */
final class ContentCleaner {
    private ContentCleaner() {
    }

    static void clean(List<Element> roots) {
        for (Element root : roots) {
            root.select("h1, figure figcaption, .caption, time").remove();
            List<Element> doomed = new ArrayList<>();
            for (Element e : root.select("div, section, ul, ol, table, dl, span, p, header")) {
                if (e != root && isBoilerplate(e)) {
                    doomed.add(e);
                }
            }
            doomed.forEach(Element::remove);
        }
    }

    private static boolean isBoilerplate(Element e) {
        String text = e.text();
        int length = text.length();
        double weight = MainContent.classWeight(e);
        double links = MainContent.linkDensity(e);
        String tag = e.normalName();
        if ("span".equals(tag) || "p".equals(tag)) {
            return weight < 0 && length < 200 || links > 0.8 && length < 120 && "p".equals(tag);
        }
        if (weight < 0 && length < 1000) {
            return true;
        }
        long commas = text.chars().filter(c -> c == ',' || c == '，' || c == '،').count();
        if (commas >= 10) {
            return false;
        }
        int paragraphs = e.select("p").size();
        int images = e.select("img").size();
        int items = e.select("li").size();
        if (images > 1 && paragraphs * 2 < images && length < 300) {
            return true;
        }
        if (("ul".equals(tag) || "ol".equals(tag)) && links > 0.5) {
            return true;
        }
        if (!"ul".equals(tag) && !"ol".equals(tag) && items > paragraphs + 3 && links > 0.3) {
            return true;
        }
        if (weight < 25 && links > 0.35 && length < 800 || weight >= 25 && links > 0.5) {
            return true;
        }
        return length < 25 && images == 0 && paragraphs == 0 && !"table".equals(tag) && e.children().size() > 0;
    }
}
