package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.List;
import org.karaul.processor.engine.MatchResult;
import org.karaul.processor.engine.Span;

/** The live spans of fired rules: spans inside a negation ("no casualties", "пострадавших нет") are dropped. */
final class Fired {
    private final MatchResult result;
    private final List<Span> negated;

    Fired(MatchResult result, List<Span> negated) {
        this.result = result;
        this.negated = negated;
    }

    List<Span> spans(int slot) {
        List<Span> spans = result.spans(slot);
        if (spans.isEmpty() || negated.isEmpty()) {
            return spans;
        }
        List<Span> live = new ArrayList<>(spans.size());
        for (Span s : spans) {
            boolean inNegation = false;
            for (Span n : negated) {
                inNegation |= n.contains(s);
            }
            if (!inNegation) {
                live.add(s);
            }
        }
        return live;
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
