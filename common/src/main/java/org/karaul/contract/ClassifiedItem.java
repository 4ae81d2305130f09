package org.karaul.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A raw item with the classifier's verdict. Keyed by the raw item's id.
 *
 * @param item            the raw item as read
 * @param relevant        whether it reports a security development in scope
 * @param severity        highest category severity, null when not relevant
 * @param categories      labels with evidence; empty when not relevant
 * @param countries       ISO 3166-1 alpha-2 codes where the development happens, most important first
 * @param groups          canonical ids of groups that act in the item
 * @param taxonomyVersion version of the taxonomy that produced the labels
 * @param origin          raw-topic partition and offset the item was read from
 * @param classifiedAt    when the processor classified it
 * @param locations       towns, regions and districts in the item's countries where it happens, first named first;
 *                        empty when none is known (and in records written before the field existed)
 */
public record ClassifiedItem(
        RawItem item,
        boolean relevant,
        Severity severity,
        List<CategoryLabel> categories,
        List<String> countries,
        List<String> groups,
        String taxonomyVersion,
        SourceOffset origin,
        Instant classifiedAt,
        List<PlaceRef> locations) {

    public ClassifiedItem {
        Objects.requireNonNull(item, "item");
        categories = categories == null ? List.of() : List.copyOf(categories);
        countries = countries == null ? List.of() : List.copyOf(countries);
        groups = groups == null ? List.of() : List.copyOf(groups);
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    /** An item placed at no town or region. */
    public ClassifiedItem(RawItem item, boolean relevant, Severity severity, List<CategoryLabel> categories,
            List<String> countries, List<String> groups, String taxonomyVersion, SourceOffset origin, Instant classifiedAt) {
        this(item, relevant, severity, categories, countries, groups, taxonomyVersion, origin, classifiedAt, List.of());
    }
}
