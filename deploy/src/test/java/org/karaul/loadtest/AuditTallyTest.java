package org.karaul.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.karaul.contract.SourceOffset;

/** The end-of-run audit's count: each raw record classified exactly once, dead-lettered, both or neither. */
class AuditTallyTest {
    private static SourceOffset raw(int partition, long offset) {
        return new SourceOffset("karaul.items.raw", partition, offset);
    }

    @Test
    void shouldFindEveryRawRecordClassifiedExactlyOnce() {
        AuditTally tally = new AuditTally();
        for (int i = 0; i < 5; i++) {
            tally.raw(raw(i % 2, i), "id-" + i);
            tally.classified(raw(i % 2, i));
        }

        LoadtestReport.Audit audit = tally.result();

        assertThat(audit).isEqualTo(new LoadtestReport.Audit(5, 5, 5, 5, 0, 0, 0, 0, java.util.List.of()));
        assertThat(audit.clean()).isTrue();
    }

    @Test
    void shouldCountDuplicatesDeadLettersMissingRecordsAndOrphans() {
        AuditTally tally = new AuditTally();
        tally.raw(raw(0, 0), "a");
        tally.raw(raw(0, 1), "b");
        tally.raw(raw(0, 2), "c");
        tally.raw(raw(1, 0), "d");
        tally.classified(raw(0, 0));
        tally.classified(raw(0, 1));
        tally.classified(raw(0, 1));
        tally.deadLettered(raw(0, 2));
        tally.classified(raw(3, 99));

        LoadtestReport.Audit audit = tally.result();

        assertThat(audit.raw()).isEqualTo(4);
        assertThat(audit.classifiedRecords()).isEqualTo(4);
        assertThat(audit.once()).isEqualTo(1);
        assertThat(audit.moreThanOnce()).isEqualTo(1);
        assertThat(audit.deadLettered()).isEqualTo(1);
        assertThat(audit.neither()).isEqualTo(1);
        assertThat(audit.orphans()).isEqualTo(1);
        assertThat(audit.unaccounted()).containsExactly("d (karaul.items.raw-1@0)");
        assertThat(audit.clean()).isFalse();
    }

    @Test
    void shouldCallTwoRawRecordsWithOneIdUnclean() {
        AuditTally tally = new AuditTally();
        tally.raw(raw(0, 0), "same");
        tally.raw(raw(1, 0), "same");
        tally.classified(raw(0, 0));
        tally.classified(raw(1, 0));

        LoadtestReport.Audit audit = tally.result();

        assertThat(audit.ids()).isEqualTo(1);
        assertThat(audit.once()).isEqualTo(2);
        assertThat(audit.clean()).isFalse();
    }

    @Test
    void shouldNameOnlyTheFirstMissingRecordsInOffsetOrder() {
        AuditTally tally = new AuditTally();
        for (int i = 30; i > 0; i--) {
            tally.raw(raw(0, i), "id-" + i);
        }

        LoadtestReport.Audit audit = tally.result();

        assertThat(audit.neither()).isEqualTo(30);
        assertThat(audit.unaccounted()).hasSize(AuditTally.EXAMPLES).first().isEqualTo("id-1 (karaul.items.raw-0@1)");
    }
}
