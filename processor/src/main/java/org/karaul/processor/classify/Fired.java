package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.karaul.processor.engine.MatchResult;
import org.karaul.processor.engine.Span;

/** The live spans of fired rules: spans inside a negation ("no casualties", "пострадавших нет") are dropped. */
final class Fired {
    private final MatchResult result;
    private final List<Span> negated;
    /** Live spans already worked out, by slot (only filled when there are negations). */
    private final Map<Integer, List<Span>> live = new HashMap<>();

    Fired(MatchResult result, List<Span> negated) {
        this.result = result;
        this.negated = negated;
    }

    List<Span> spans(int slot) {
        List<Span> spans = result.spans(slot);
        if (spans.isEmpty() || negated.isEmpty()) {
            return spans;
        }
        Integer key = slot;
        List<Span> cached = live.get(key);
        if (cached == null) {
            cached = liveSpans(spans);
            live.put(key, cached);
        }
        return cached;
    }

    private List<Span> liveSpans(List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            boolean inNegation = false;
            for (Span n : negated) {
                inNegation |= n.contains(s);
            }
            if (!inNegation) {
                out.add(s);
            }
        }
        return out;
    }

    boolean fires(int slot) {
        return result.has(slot) && (negated.isEmpty() || !spans(slot).isEmpty());
    }

    boolean firesAny(int[] slots) {
        for (int slot : slots) {
            if (fires(slot)) {
                return true;
            }
        }
        return false;
    }

    MatchResult raw() {
        return result;
    }
}
