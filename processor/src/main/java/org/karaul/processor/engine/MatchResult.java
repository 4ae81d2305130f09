package org.karaul.processor.engine;

import java.util.List;
import java.util.Map;

/**
 * The rules that fired on one document, with their spans in reading order.
 *
 * @param lang  the language the document was matched as
 * @param fired each fired rule with its spans
 */
public record MatchResult(String lang, Map<RuleKey, List<Span>> fired) {

    public boolean has(RuleKey key) {
        return fired.containsKey(key);
    }

    public List<Span> spans(RuleKey key) {
        return fired.getOrDefault(key, List.of());
    }
}
