package org.karaul.ingest.pdf;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.karaul.ingest.fetch.FetchResult;
import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.fetch.UrlCanonicalizer;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.Source;
import org.karaul.ingest.source.SourceException;
import org.karaul.ingest.source.SourceFetcher;
import org.karaul.ingest.source.SourceSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PDF reports: the URL is either a PDF, or a publications page whose PDF links ({@code links} selector, else
 * every link ending in {@code .pdf}) are fetched when new, up to {@code maxItems} per poll.
 */
public final class PdfSource implements Source {
    private final SourceSpec spec;
    private final SourceFetcher fetcher;
    private final Set<String> done = new HashSet<>();

    public PdfSource(SourceSpec spec, Fetcher fetcher) {
        this.spec = spec;
        this.fetcher = new SourceFetcher(spec, fetcher);
    }

    @Override
    public SourceSpec spec() {
        return spec;
    }

    @Override
    public List<Candidate> poll() throws SourceException {
        FetchResult r = fetcher.fetch(spec.url());
        if (PdfReport.looksLikePdf(r.body())) {
            return List.of(toCandidate(spec.url(), r));
        }
        Document page = SourceFetcher.html(r);
        List<Candidate> out = new ArrayList<>();
        for (String url : pdfLinks(page, r.finalUrl())) {
            if (out.size() >= spec.maxItems()) {
                break;
            }
            if (done.contains(url)) {
                continue;
            }
            try {
                out.add(toCandidate(url, fetcher.fetch(url)));
                done.add(url);
            } catch (SourceException oneBadReport) {
                // the others are still worth having; this one is retried next poll
            }
        }
        return out;
    }

    private List<String> pdfLinks(Document page, String base) {
        String css = spec.selectors().links() != null ? spec.selectors().links() : "a[href]";
        Set<String> urls = new LinkedHashSet<>();
        for (Element e : page.select(css)) {
            for (Element a : "a".equals(e.normalName()) ? List.of(e) : e.select("a[href]")) {
                Optional<String> u = UrlCanonicalizer.resolve(base, a.attr("href"));
                if (u.isPresent() && (spec.selectors().links() != null || u.get().toLowerCase().matches(".*\\.pdf($|\\?.*)"))) {
                    urls.add(u.get());
                }
            }
        }
        return new ArrayList<>(urls);
    }

    private Candidate toCandidate(String url, FetchResult r) throws SourceException {
        if (!PdfReport.looksLikePdf(r.body())) {
            throw new SourceException(spec.id(), url, "not a PDF (Content-Type " + r.contentType() + ")", null);
        }
        try {
            PdfReport report = PdfReport.read(r.body());
            return new Candidate(UrlCanonicalizer.canonicalize(url).orElse(url), report.title(), report.text(),
                    report.published(), spec.lang());
        } catch (IOException | RuntimeException e) {
            throw new SourceException(spec.id(), url, "unreadable PDF: " + e.getMessage(), e);
        }
    }

}
