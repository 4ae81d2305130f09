package org.karaul.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karaul.contract.SourceOffset;

/**
 * The load test's accounting of what its reader saw, above all when a classified record is read before the feeder
 * has the broker's acknowledgement of its raw record (the run at a 50 ms commit interval that found 3 of 6,000 items
 * "never classified" while every classified record had been read).
 */
class ArrivalsTest {
    private static final String RAW = "karaul.items.raw";

    private static SourceOffset at(int partition, long offset) {
        return new SourceOffset(RAW, partition, offset);
    }

    @Test
    void shouldCountAClassifiedRecordReadBeforeItsRawRecordWasAcknowledged() {
        Ledger ledger = new Ledger();
        Arrivals arrivals = new Arrivals(ledger);
        ledger.put(at(0, 6), "item-6", 1_000, false);

        arrivals.classified(at(0, 7), true, 1_040);   // the feeder's callback for offset 7 has not run yet
        arrivals.classified(at(0, 6), false, 1_030);
        ledger.put(at(0, 7), "item-7", 1_010, false); // the acknowledgement arrives

        assertThat(ledger.entries().keySet()).allMatch(arrivals::done);
        assertThat(arrivals.classifiedAt).containsEntry(at(0, 7), 1_040L).containsEntry(at(0, 6), 1_030L);
        assertThat(arrivals.relevant).containsEntry(at(0, 7), true).containsEntry(at(0, 6), false);
        assertThat(arrivals.readBeforeAcknowledged()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheFirstClassifiedRecordOfAnOrigin() {
        Arrivals arrivals = new Arrivals(new Ledger());

        arrivals.classified(at(1, 3), true, 500);
        arrivals.classified(at(1, 3), false, 900);

        assertThat(arrivals.classifiedAt).containsEntry(at(1, 3), 500L);
        assertThat(arrivals.relevant).containsEntry(at(1, 3), true);
    }

    @Test
    void shouldNotCountRecordsOfOtherWritersAsReadEarly() {
        Ledger ledger = new Ledger();
        Arrivals arrivals = new Arrivals(ledger);

        arrivals.classified(at(2, 40), false, 100); // never in the ledger: another writer's item

        assertThat(arrivals.readBeforeAcknowledged()).isZero();
        assertThat(arrivals.done(at(2, 41))).isFalse();
    }

    @Test
    void shouldTakeADeadLetterAsTheEndOfTheClassifyStage() {
        Arrivals arrivals = new Arrivals(new Ledger());

        arrivals.deadLettered(at(0, 9));

        assertThat(arrivals.done(at(0, 9))).isTrue();
        assertThat(arrivals.classifiedAt).doesNotContainKey(at(0, 9));
    }

    @Test
    void shouldKeepTheFirstDevelopmentOfEachOrigin() {
        Arrivals arrivals = new Arrivals(new Ledger());

        arrivals.developed(List.of(at(0, 1), at(0, 2)), 300);
        arrivals.developed(List.of(at(0, 2), at(0, 3)), 450);

        assertThat(arrivals.developedAt).containsEntry(at(0, 1), 300L).containsEntry(at(0, 2), 300L)
                .containsEntry(at(0, 3), 450L);
    }

    @Test
    void shouldCreditAnAlertToTheNewestItemOfItsLineageOnceTheLedgerKnowsIt() {
        Ledger ledger = new Ledger();
        Arrivals arrivals = new Arrivals(ledger);
        ledger.put(at(0, 1), "old", 1_000, false);

        arrivals.alert(List.of(at(0, 1), at(1, 5)), 2_000, 2_050); // read before offset 1/5 was acknowledged
        arrivals.alert(List.of(at(0, 1), at(1, 5)), 2_500, 2_600); // the same lineage again: not a second credit
        arrivals.alert(List.of(at(0, 1)), 3_000, 3_100);
        ledger.put(at(1, 5), "new", 1_500, false);

        assertThat(arrivals.alertedAt()).containsOnlyKeys(at(1, 5), at(0, 1))
                .containsEntry(at(1, 5), new Arrivals.Credit(2_000, 2_050))
                .containsEntry(at(0, 1), new Arrivals.Credit(3_000, 3_100));
    }

    @Test
    void shouldNotCreditAnAlertWithoutAnItemOfTheRun() {
        Arrivals arrivals = new Arrivals(new Ledger());

        arrivals.alert(List.of(at(0, 1)), 2_000, 2_050);

        assertThat(arrivals.alertedAt()).isEmpty();
    }
}
