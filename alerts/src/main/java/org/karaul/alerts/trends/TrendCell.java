package org.karaul.alerts.trends;

/**
 * What one category × country cell counted in one window, or what one development transition adds to it.
 *
 * @param items        items that joined developments of the cell
 * @param developments developments of the cell that opened
 */
public record TrendCell(long items, long developments) {
    static final TrendCell EMPTY = new TrendCell(0, 0);

    TrendCell plus(TrendCell other) {
        return new TrendCell(items + other.items, developments + other.developments);
    }
}
