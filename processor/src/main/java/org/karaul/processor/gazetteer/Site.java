package org.karaul.processor.gazetteer;

import java.util.List;
import org.karaul.contract.PlaceRef;

/**
 * Where a town, region or district lies, and the names that point at it. Carried beside the place entries that
 * match names (grouped by country for speed), so a matched name can be put on a map; it adds no matching.
 *
 * @param place the place with its coordinates, as items and developments carry it
 * @param names the names (Latin and Cyrillic) that resolve to it, as written in the gazetteer
 */
public record Site(PlaceRef place, List<String> names) {
    public Site {
        names = List.copyOf(names);
    }
}
