package org.karaul.processor.engine;

import java.util.ArrayList;
import java.util.List;

/** Turns the word hits of one fired rule into the spans a desk reads: reading order, one phrase one span. */
final class Highlights {
    /** Most characters between two words of one span. */
    private static final int MAX_GAP = 3;

    private Highlights() {
    }

    /** Sorts {@code hits} and merges overlapping ones and words separated only by spaces or dashes. */
    static List<Span> merge(List<Span> hits, String title, String text) {
        if (hits.size() == 1) {
            return List.of(hits.get(0));
        }
        hits.sort(Span.READING_ORDER);
        List<Span> out = new ArrayList<>(hits.size());
        Span open = null;
        for (Span hit : hits) {
            String value = hit.field().equals("title") ? title : text;
            if (open != null && open.field().equals(hit.field()) && adjacent(value, open.end(), hit.start())) {
                open = new Span(hit.field(), open.start(), Math.max(open.end(), hit.end()));
            } else {
                if (open != null) {
                    out.add(open);
                }
                open = hit;
            }
        }
        if (open != null) {
            out.add(open);
        }
        return out;
    }

    private static boolean adjacent(String value, int end, int nextStart) {
        if (nextStart < end) {
            return true;
        }
        if (nextStart - end > MAX_GAP || nextStart > value.length()) {
            return false;
        }
        for (int i = end; i < nextStart; i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '.' || c == ',' || c == ';') {
                return false;
            }
        }
        return true;
    }
}
