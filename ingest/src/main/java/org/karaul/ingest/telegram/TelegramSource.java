package org.karaul.ingest.telegram;

import org.karaul.ingest.fetch.FetchResult;
import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.Source;
import org.karaul.ingest.source.SourceException;
import org.karaul.ingest.source.SourceFetcher;
import org.karaul.ingest.source.SourceSpec;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A public channel's web preview ({@code https://t.me/s/<channel>}). Reads the newest page, then pages back
 * with {@code ?before=<oldest id>} until {@code maxItems} posts are in hand (at most five pages).
 * Each post becomes a candidate at {@code https://t.me/<channel>/<id>}; its links follow the text.
 */
public final class TelegramSource implements Source {
    private static final int MAX_PAGES = 5;
    private static final int TITLE_LENGTH = 140;

    private final SourceSpec spec;
    private final SourceFetcher fetcher;

    public TelegramSource(SourceSpec spec, Fetcher fetcher) {
        this.spec = spec;
        this.fetcher = new SourceFetcher(spec, fetcher);
    }

    @Override
    public SourceSpec spec() {
        return spec;
    }

    @Override
    public List<Candidate> poll() throws SourceException {
        Map<Long, TelegramPost> byId = new HashMap<>();
        String pageUrl = spec.url();
        for (int page = 0; page < MAX_PAGES && byId.size() < spec.maxItems(); page++) {
            List<TelegramPost> found = fetchPage(pageUrl);
            int before = byId.size();
            found.forEach(p -> byId.putIfAbsent(p.id(), p));
            if (byId.size() == before) {
                break; // nothing older: the start of the channel, or a server that ignores ?before=
            }
            long oldest = found.stream().mapToLong(TelegramPost::id).min().orElseThrow();
            pageUrl = withBefore(spec.url(), oldest);
        }
        List<TelegramPost> posts = new ArrayList<>(byId.values());
        posts.sort(Comparator.comparingLong(TelegramPost::id).reversed());
        String origin = origin(spec.url());
        List<Candidate> out = new ArrayList<>();
        for (TelegramPost p : posts.subList(0, Math.min(posts.size(), spec.maxItems()))) {
            out.add(new Candidate(origin + "/" + p.channel() + "/" + p.id(), title(p.text()), body(p), p.time(),
                    spec.lang()));
        }
        return out;
    }

    private List<TelegramPost> fetchPage(String url) throws SourceException {
        FetchResult r = fetcher.fetch(url);
        return TelegramPreviewParser.parse(SourceFetcher.text(r), r.finalUrl());
    }

    static String withBefore(String url, long before) {
        String base = url.replaceAll("[?&]before=\\d+", "");
        return base + (base.contains("?") ? "&" : "?") + "before=" + before;
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    private static String title(String text) {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return first.length() <= TITLE_LENGTH ? first : first.substring(0, TITLE_LENGTH - 1) + "…";
    }

    private static String body(TelegramPost p) {
        StringBuilder sb = new StringBuilder(p.text());
        for (String link : p.links()) {
            if (!p.text().contains(link)) {
                sb.append('\n').append(link);
            }
        }
        return sb.toString();
    }
}
