package org.karaul.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karaul.contract.SourceOffset;

/**
 * The count behind the end-of-run audit: every raw record, every classified record's origin and every dead letter's
 * origin, and from them whether each raw record came out of the classify stage exactly once. Pure bookkeeping, fed
 * by {@link TopicAudit}.
 */
final class AuditTally {
    /** How many unaccounted raw records the audit names. */
    static final int EXAMPLES = 10;

    private final Map<SourceOffset, String> raw = new HashMap<>();
    private final Set<String> ids = new HashSet<>();
    private final Map<SourceOffset, Integer> classified = new HashMap<>();
    private final Set<SourceOffset> deadLettered = new HashSet<>();
    private int classifiedRecords;

    /** A raw record at {@code at} whose key (the item id) is {@code id}. */
    void raw(SourceOffset at, String id) {
        raw.put(at, id);
        ids.add(id);
    }

    /** A classified record whose origin is {@code origin}. */
    void classified(SourceOffset origin) {
        classifiedRecords++;
        classified.merge(origin, 1, Integer::sum);
    }

    /** A dead letter of the raw record at {@code origin}. */
    void deadLettered(SourceOffset origin) {
        deadLettered.add(origin);
    }

    LoadtestReport.Audit result() {
        int once = 0;
        int more = 0;
        int dead = 0;
        List<String> neither = new ArrayList<>();
        int neitherCount = 0;
        List<SourceOffset> offsets = new ArrayList<>(raw.keySet());
        offsets.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        for (SourceOffset at : offsets) {
            int n = classified.getOrDefault(at, 0);
            if (n == 1) {
                once++;
            } else if (n > 1) {
                more++;
            } else if (deadLettered.contains(at)) {
                dead++;
            } else {
                neitherCount++;
                if (neither.size() < EXAMPLES) {
                    neither.add(raw.get(at) + " (" + at + ")");
                }
            }
        }
        int orphans = (int) classified.keySet().stream().filter(o -> !raw.containsKey(o)).count();
        return new LoadtestReport.Audit(raw.size(), ids.size(), classifiedRecords, once, more, dead, neitherCount, orphans,
                neither);
    }
}
