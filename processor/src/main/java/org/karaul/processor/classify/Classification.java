package org.karaul.processor.classify;

import java.time.Instant;
import java.util.List;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.PlaceRef;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceOffset;

/**
 * The classifier's verdict on one document, in the contract's terms.
 *
 * @param relevant        in scope: a security development with a link to the region
 * @param severity        highest category severity after escalation; null when not relevant
 * @param categories      labels with evidence; empty when not relevant
 * @param countries       ISO alpha-2 codes, most important first, at most three
 * @param groups          canonical group ids
 * @param taxonomyVersion version of the taxonomy that decided
 * @param locations       towns, regions and districts named where it happens (not in passing), in its countries only
 */
public record Classification(
        boolean relevant,
        Severity severity,
        List<CategoryLabel> categories,
        List<String> countries,
        List<String> groups,
        String taxonomyVersion,
        List<PlaceRef> locations) {

    public Classification {
        categories = categories == null ? List.of() : List.copyOf(categories);
        countries = countries == null ? List.of() : List.copyOf(countries);
        groups = groups == null ? List.of() : List.copyOf(groups);
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    /** A verdict placed at no town or region. */
    public Classification(boolean relevant, Severity severity, List<CategoryLabel> categories, List<String> countries,
            List<String> groups, String taxonomyVersion) {
        this(relevant, severity, categories, countries, groups, taxonomyVersion, List.of());
    }

    /** Not relevant: no labels. */
    public static Classification irrelevant(String taxonomyVersion) {
        return new Classification(false, null, List.of(), List.of(), List.of(), taxonomyVersion);
    }

    /**
     * Labels a raw item: what the classify stage writes to {@code karaul.items.classified} and what the backtest
     * groups, built in this one place.
     *
     * @param origin where the item was read (topic, partition, offset), or null when not read from a topic
     * @param at     when it was classified
     */
    public static ClassifiedItem label(Classifier classifier, RawItem item, SourceOffset origin, Instant at) {
        Classification c = classifier.classify(new Document(item.id(), item.title(), item.text(), item.lang()));
        return new ClassifiedItem(item, c.relevant(), c.severity(), c.categories(), c.countries(), c.groups(),
                c.taxonomyVersion(), origin, at, c.locations());
    }
}
