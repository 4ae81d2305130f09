package org.karaul.ingest.source;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.karaul.ingest.fetch.FetchResult;
import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.fetch.UrlCanonicalizer;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A news listing page: article links found by the {@code links} selector (or, without one, same-site links
 * that look like article paths), then each new article fetched and extracted.
 */
public final class HtmlListingSource implements Source {
    private static final Pattern ARTICLE_PATH = Pattern.compile(".*(/\\d{3,}|\\d{4}/\\d{2}|/[\\w-]*-[\\w-]*-[\\w-]+).*");

    private final SourceSpec spec;
    private final SourceFetcher fetcher;
    private final ArticlePages pages;

    public HtmlListingSource(SourceSpec spec, Fetcher fetcher) {
        this.spec = spec;
        this.fetcher = new SourceFetcher(spec, fetcher);
        this.pages = new ArticlePages(spec, fetcher);
    }

    @Override
    public SourceSpec spec() {
        return spec;
    }

    @Override
    public List<Candidate> poll() throws SourceException {
        FetchResult r = fetcher.fetch(spec.url());
        Document doc = SourceFetcher.html(r);
        return pages.completeUrls(articleLinks(doc, r.finalUrl()));
    }

    List<String> articleLinks(Document doc, String base) {
        String css = spec.selectors().links();
        List<Element> anchors = new ArrayList<>();
        if (css != null) {
            for (Element e : doc.select(css)) {
                anchors.addAll("a".equals(e.normalName()) ? List.of(e) : e.select("a[href]"));
            }
        } else {
            anchors.addAll(doc.select("main a[href], article a[href], a[href]"));
        }
        String host = URI.create(base).getHost();
        Set<String> urls = new LinkedHashSet<>();
        for (Element a : anchors) {
            UrlCanonicalizer.resolve(base, a.attr("href"))
                    .filter(u -> css != null || sameSite(u, host) && ARTICLE_PATH.matcher(URI.create(u).getPath()).matches())
                    .ifPresent(urls::add);
        }
        return new ArrayList<>(urls);
    }

    private static boolean sameSite(String url, String host) {
        String h = URI.create(url).getHost();
        return h != null && host != null && (h.equals(host) || h.endsWith("." + host) || host.endsWith("." + h));
    }
}
