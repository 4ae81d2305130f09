package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.List;
import org.karaul.processor.engine.MatchResult;
import org.karaul.processor.engine.RuleKey;
import org.karaul.processor.engine.Span;

/** The live spans of fired rules: spans inside a negation ("no casualties", "пострадавших нет") are dropped. */
final class Fired {
    private final MatchResult result;
    private final List<Span> negated;

    Fired(MatchResult result, List<Span> negated) {
        this.result = result;
        this.negated = negated;
    }

    List<Span> spans(RuleKey key) {
        List<Span> spans = result.spans(key);
        if (spans.isEmpty() || negated.isEmpty()) {
            return spans;
        }
        List<Span> live = new ArrayList<>(spans.size());
        for (Span s : spans) {
            if (negated.stream().noneMatch(n -> n.contains(s))) {
                live.add(s);
            }
        }
        return live;
    }

    boolean fires(RuleKey key) {
        return !spans(key).isEmpty();
    }

    MatchResult raw() {
        return result;
    }
}
