package org.karaul.ingest.source;

import java.util.Set;

/**
 * What a reader needs to weigh a source, as written in the sources file; none of it changes how the source is polled.
 *
 * @param country   ISO 3166 alpha-2 code of the country the source covers or is based in, {@code regional} for a
 *                  regional or international body, null when not stated
 * @param kind      what publishes it: one of {@link #KINDS}, null when not stated
 * @param reason    one line on why the source has its reliability grade, null when not stated
 * @param confirmed false when the URL (a feed's path especially) could not be checked against public documentation or
 *                  a copy of the source when it was written down; true otherwise
 */
public record SourceProfile(String country, String kind, String reason, boolean confirmed) {

    /** The kinds of publisher this build knows. */
    public static final Set<String> KINDS = Set.of("news", "agency", "broadcaster", "official", "regional-body",
            "international", "research");

    /** A source described by nothing but its polling keys. */
    public static final SourceProfile NONE = new SourceProfile(null, null, null, true);
}
