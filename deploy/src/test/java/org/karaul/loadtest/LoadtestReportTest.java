package org.karaul.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The percentile and throughput arithmetic of the load test's report, and what the report shows. */
class LoadtestReportTest {

    @Test
    void shouldTakeNearestRankPercentiles() {
        Distribution hundred = Distribution.of(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());
        assertThat(hundred).isEqualTo(new Distribution(100, 50, 90, 99, 100));

        Distribution ten = Distribution.of(new long[] {7, 1, 10, 3, 5, 9, 2, 8, 4, 6});
        assertThat(ten).isEqualTo(new Distribution(10, 5, 9, 10, 10));

        assertThat(Distribution.of(new long[] {42})).isEqualTo(new Distribution(1, 42, 42, 42, 42));
        assertThat(Distribution.of(new long[0])).isEqualTo(Distribution.EMPTY);
    }

    @Test
    void shouldNotReorderTheCallersSamples() {
        long[] samples = {3, 1, 2};
        Distribution.of(samples);
        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void shouldRefuseAPercentileOutsideOneToHundred() {
        assertThatThrownBy(() -> Distribution.rank(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> Distribution.rank(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGiveThroughputsAndTheirRatio() {
        LoadtestReport.Saturation s = new LoadtestReport.Saturation(20_000, 1, 50_000, 50_000, 50_000, 60_000, 50_000, 10_000);
        assertThat(s.classifyRate()).isEqualTo(1000.0);
        assertThat(s.passThroughRate()).isEqualTo(5000.0);
        assertThat(s.ratio()).isEqualTo(0.2);
        assertThat(new LoadtestReport.Saturation(0, 1, 10, 10, 0, 0, 0, 0).ratio()).isZero();
    }

    @Test
    void shouldRenderEveryStageLagAndProcess() {
        LoadtestReport report = new LoadtestReport(
                new LoadtestReport.Setup(1000, 60, "corpus.jsonl", "embedded 127.0.0.1:1", 200, 50, 2, 1.5, 2.25),
                new LoadtestReport.Saturation(20_000, 1, 50_000, 50_000, 50_000, 60_000, 50_000, 10_000),
                new LoadtestReport.Feed(60_000, 999.5, 59_000, 4_000, 3_900, 120, 12_345, "karaul.items.classified 110000", 3,
                        List.of("abc (karaul.items.raw-0@7)")),
                List.of(new LoadtestReport.Stage("raw", "classified", new Distribution(59_000, 136, 400, 900, 1500)),
                        new LoadtestReport.Stage("raw", "alert", new Distribution(120, 709, 1200, 1513, 1600))),
                List.of(new LoadtestReport.Lag("classify", "karaul-loadtest-processor", "karaul.items.raw", 61_000, 2)),
                List.of(new LoadtestReport.ProcessUse("processor", 512, 80.0, 120.0),
                        new LoadtestReport.ProcessUse("pass-through", 300, 10.0, 0)),
                new LoadtestReport.Audit(110_000, 110_000, 109_999, 109_998, 1, 0, 1, 0, List.of("abc (karaul.items.raw-0@7)")),
                List.of(), List.of("alerts-1-StreamThread-1: partitions [0, 2]", "alerts-2-StreamThread-1: partitions [1]"));

        String text = report.render();

        assertThat(text).contains("commit interval 200 ms (alerts 50 ms)").contains("load average (1 min) 1.50 at start, 2.25 at the end")
                .contains("1,000 items/s  (50000 items in 50000 ms)")
                .contains("5,000 items/s  (50000 items in 10000 ms)")
                .contains("ratio processor / pass-through: 0.20")
                .contains("20000 warm-up items and a backlog of 50000").contains("1 stream thread(s) each")
                // 80 CPU seconds over 50,000 items against 10 over 50,000 copies
                .contains("processor 1.600 ms, pass-through 0.200 ms (pass-through / processor 0.13)")
                .contains("classified 59000, relevant 4000 (6.8 %)")
                .containsPattern("raw -> classified\\s+59000\\s+136\\s+400\\s+900\\s+1500")
                .containsPattern("raw -> alert\\s+120\\s+709\\s+1200\\s+1513\\s+1600")
                .containsPattern("classify\\s+karaul-loadtest-processor\\s+karaul.items.raw\\s+61000\\s+2")
                .contains("Alerts stream members").contains("alerts-2-StreamThread-1: partitions [1]")
                // 120 CPU seconds over 60,000 items fed: 2 ms per item
                .containsPattern("processor\\s+512\\s+80.0\\s+120.0\\s+2.00")
                .contains("drained 12345 ms after the feed ended")
                .contains("read before the feeder had their raw record's acknowledgement: 3 (counted all the same)")
                .contains("not seen classified or dead-lettered by the end: abc (karaul.items.raw-0@7)")
                .contains("raw records 110000 with 110000 distinct ids; classified records 109999")
                .contains("classified exactly once 109998, more than once 1, only dead-lettered 0, neither 1; "
                        + "classified records with no raw record 0")
                .contains("neither: abc (karaul.items.raw-0@7)")
                .contains("NOT every raw record came out of the classify stage exactly once");
    }

    @Test
    void shouldSayWhenTheAuditFoundEveryRecordOnceOrWasNotMade() {
        LoadtestReport.Audit clean = new LoadtestReport.Audit(10, 10, 9, 9, 0, 1, 0, 0, List.of());
        assertThat(clean.clean()).isTrue();
        assertThat(withAudit(clean).render()).contains("\n  every raw record came out of the classify stage exactly once")
                .doesNotContain("neither: ");
        assertThat(withAudit(LoadtestReport.Audit.failed("the audit did not read [karaul.items.raw-0 at 5 of 9]")).render())
                .contains("not made: the audit did not read [karaul.items.raw-0 at 5 of 9]");
        assertThat(LoadtestReport.Audit.failed("x").clean()).isFalse();
    }

    private static LoadtestReport withAudit(LoadtestReport.Audit audit) {
        return new LoadtestReport(new LoadtestReport.Setup(10, 1, "i", "b", 100, 100, 2, 0, 0),
                new LoadtestReport.Saturation(0, 1, 1, 1, 1, 1, 1, 1),
                new LoadtestReport.Feed(10, 10, 10, 0, 0, 0, 5, "", 0, List.of()), List.of(), List.of(), List.of(), audit,
                List.of(), List.of());
    }
}
