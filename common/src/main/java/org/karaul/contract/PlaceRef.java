package org.karaul.contract;

import java.util.Objects;

/**
 * A town, region or district an item or development is placed at, with the coordinates a map draws it at.
 *
 * @param id      stable gazetteer id, e.g. {@code geonames:1527534} (a town) or {@code geonames:KG.08} (a region)
 * @param name    display name in English
 * @param country ISO 3166-1 alpha-2 code of the country it lies in
 * @param kind    {@code town}, {@code region} or {@code district}
 * @param lat     latitude in degrees (a region or district: its administrative seat's)
 * @param lon     longitude in degrees
 */
public record PlaceRef(String id, String name, String country, String kind, double lat, double lon) {
    public PlaceRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(kind, "kind");
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("place " + id + ": coordinates out of range: " + lat + ", " + lon);
        }
    }
}
