package org.karaul.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Feeds through ROME: strict XML, every RSS and Atom dialect, charset from BOM, prolog and HTTP header. */
public final class RomeFeedParser implements FeedParser {

    @Override
    public ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(true);
        input.setXmlHealerOn(true);
        InputStream in = new ByteArrayInputStream(body);
        try (XmlReader reader = contentType == null ? new XmlReader(in, true) : new XmlReader(in, contentType, true)) {
            SyndFeed feed = input.build(reader);
            List<FeedEntry> entries = new ArrayList<>();
            for (SyndEntry e : feed.getEntries()) {
                entries.add(entry(e, baseUrl));
            }
            String format = feed.getFeedType() == null ? "unknown" : feed.getFeedType();
            return new ParsedFeed(format, FeedText.plain(feed.getTitle()), FeedLinks.resolve(baseUrl, feed.getLink()),
                    entries);
        } catch (FeedException | IOException | RuntimeException e) {
            throw new FeedParseException("ROME: " + e.getMessage(), e);
        }
    }

    private static FeedEntry entry(SyndEntry e, String baseUrl) {
        String link = e.getLink();
        if (link == null) {
            for (SyndLink l : e.getLinks()) {
                if (l.getRel() == null || "alternate".equals(l.getRel())) {
                    link = l.getHref();
                    break;
                }
            }
        }
        Date when = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        return new FeedEntry(FeedText.plain(e.getTitle()), FeedLinks.resolve(baseUrl, link), e.getUri(),
                when == null ? null : Instant.ofEpochMilli(when.getTime()), FeedText.plain(summary(e)));
    }

    private static String summary(SyndEntry e) {
        if (e.getDescription() != null && e.getDescription().getValue() != null) {
            return e.getDescription().getValue();
        }
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null) {
                return c.getValue();
            }
        }
        return "";
    }
}
