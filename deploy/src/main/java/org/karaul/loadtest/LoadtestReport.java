package org.karaul.loadtest;

import java.util.List;
import java.util.Locale;

/**
 * The figures of one load test and their plain-text rendering.
 *
 * @param setup      what was run and on what machine state
 * @param saturation the backlog drained by the pipeline and by the pass-through application
 * @param feed       the steady feed: items fed and what came out
 * @param stages     latency per stage, in the order raw → classified → development → alert
 * @param lags       consumer lag per stage during the steady feed and at the end
 * @param processes  peak RSS and CPU of each process
 * @param audit      the end-of-run count over the whole raw, classified and dead-letter topics
 * @param profile    the CPU breakdown from flight recordings, or an empty list without {@code --jfr}
 * @param members    each member of the alerts stream's group at the end of the feed with the partitions of
 *                   {@code karaul.items.classified} it groups, one line each
 */
record LoadtestReport(Setup setup, Saturation saturation, Feed feed, List<Stage> stages, List<Lag> lags,
                      List<ProcessUse> processes, Audit audit, List<String> profile, List<String> members) {

    /**
     * @param rate        items per second asked for
     * @param durationS   seconds of steady feed asked for
     * @param items       where the items came from
     * @param broker      the broker (embedded or the given bootstrap)
     * @param commitMs    the processor's and the pass-through application's Streams commit interval
     * @param alertsCommitMs the alerts service's Streams commit interval
     * @param cores       available processors
     * @param loadBefore  the 1-minute load average when the run started
     * @param loadAfter   the 1-minute load average when the steady feed ended
     */
    record Setup(int rate, long durationS, String items, String broker, long commitMs, long alertsCommitMs, int cores,
                 double loadBefore, double loadAfter) {
    }

    /**
     * Both applications work through the same records, the warm-up first and then the backlog; each rate counts the
     * records done after the first {@code warmup} of them ({@link Window}).
     *
     * @param warmup         items written before the backlog and left out of the rates
     * @param threads        stream threads of the processor and of the pass-through application
     * @param backlog        items written after them, before the services started
     * @param classified     records the processor classified after the warm-up's
     * @param classifyMs     from the warm-up's last classified record to the last one (broker append times; from the
     *                       first when there is no warm-up)
     * @param developedMs    from the same start to the last development record of the backlog (append times)
     * @param passThrough    records the pass-through application copied after the warm-up's
     * @param passThroughMs  from the warm-up's last copy to the last one (append times), likewise
     */
    record Saturation(int warmup, int threads, int backlog, int classified, long classifyMs, long developedMs, int passThrough,
                      long passThroughMs) {
        static double perSecond(int items, long ms) {
            return ms <= 0 ? 0 : items * 1000.0 / ms;
        }

        double classifyRate() {
            return perSecond(classified, classifyMs);
        }

        double passThroughRate() {
            return perSecond(passThrough, passThroughMs);
        }

        /** Processor throughput over pass-through throughput, or 0 when either is unknown. */
        double ratio() {
            return passThroughRate() <= 0 ? 0 : classifyRate() / passThroughRate();
        }
    }

    /**
     * @param fed          items written during the steady feed
     * @param sendRate     items per second actually written (fed over the feed's wall time)
     * @param classified   of those, items classified by the end
     * @param relevant     of those, items the classifier found relevant
     * @param developed    items that reached a development record
     * @param alerted      items whose arrival raised an alert
     * @param drainedMs    from the end of the feed until every stage had caught up, or -1 when it did not in time
     * @param records      records read on each output topic over the whole run (backlog included)
     * @param early        classified records of the run's items that the reader got before the feeder had the broker's
     *                     acknowledgement of their raw record (counted all the same)
     * @param unclassified the first items of the run (backlog or feed) that the reader saw neither classified nor
     *                     dead-lettered: "id (topic-partition@offset)"
     */
    record Feed(int fed, double sendRate, int classified, int relevant, int developed, int alerted, long drainedMs,
                String records, int early, List<String> unclassified) {
    }

    /**
     * What a fresh {@code read_committed} consumer found over the whole of {@code karaul.items.raw},
     * {@code karaul.items.classified} and {@code karaul.items.raw.dlq} at the end of the run.
     *
     * @param raw               records on the raw topic
     * @param ids               distinct item ids (record keys) among them
     * @param classifiedRecords records on the classified topic
     * @param once              raw records with exactly one classified record
     * @param moreThanOnce      raw records with more than one
     * @param deadLettered      raw records with no classified record and a dead letter
     * @param neither           raw records with neither
     * @param orphans           classified records' origins that are no raw record
     * @param unaccounted       the first raw records with neither: "id (topic-partition@offset)"
     * @param failure           why the audit could not be made, or null
     */
    record Audit(int raw, int ids, int classifiedRecords, int once, int moreThanOnce, int deadLettered, int neither,
                 int orphans, List<String> unaccounted, String failure) {
        Audit(int raw, int ids, int classifiedRecords, int once, int moreThanOnce, int deadLettered, int neither,
              int orphans, List<String> unaccounted) {
            this(raw, ids, classifiedRecords, once, moreThanOnce, deadLettered, neither, orphans, unaccounted, null);
        }

        static Audit failed(String reason) {
            return new Audit(0, 0, 0, 0, 0, 0, 0, 0, List.of(), reason);
        }

        /** Every raw record has a unique id and came out of the classify stage exactly once, classified or dead-lettered. */
        boolean clean() {
            return failure == null && ids == raw && moreThanOnce == 0 && neither == 0 && orphans == 0;
        }
    }

    /** One stage's latency; {@code from} and {@code to} name the two points measured. */
    record Stage(String from, String to, Distribution latency) {
    }

    /**
     * @param stage    the stage reading the topic
     * @param group    its consumer group
     * @param topic    the topic it reads
     * @param maxLag   the largest lag sampled during the steady feed
     * @param endLag   the lag when the report was made
     */
    record Lag(String stage, String group, String topic, long maxLag, long endLag) {
    }

    /**
     * @param name          process
     * @param peakRssMb     VmHWM, MiB
     * @param cpuSaturation CPU seconds while the backlog drained after the warm-up
     * @param cpuFeed       CPU seconds from the start of the steady feed until it had drained
     */
    record ProcessUse(String name, long peakRssMb, double cpuSaturation, double cpuFeed) {
    }

    private ProcessUse process(String name) {
        return processes.stream().filter(p -> p.name.equals(name)).findFirst().orElse(null);
    }

    /** The report as the console and the report file show it. */
    String render() {
        StringBuilder b = new StringBuilder();
        line(b, "karaul loadtest: %d items/s for %d s, items from %s, broker %s, commit interval %d ms (alerts %d ms)",
                setup.rate, setup.durationS, setup.items, setup.broker, setup.commitMs, setup.alertsCommitMs);
        line(b, "machine: %d cores, load average (1 min) %.2f at start, %.2f at the end of the feed", setup.cores,
                setup.loadBefore, setup.loadAfter);
        b.append('\n');
        line(b, "Saturation: %d warm-up items and a backlog of %d written before the services started; rates count the "
                + "records after the first %d (both applications warmed, %d stream thread(s) each)", saturation.warmup,
                saturation.backlog, saturation.warmup, saturation.threads);
        line(b, "  processor (classify)       %,8.0f items/s  (%d items in %d ms)", saturation.classifyRate(),
                saturation.classified, saturation.classifyMs);
        line(b, "  pipeline to developments   %,8.0f items/s  (%d items in %d ms)",
                Saturation.perSecond(saturation.classified, saturation.developedMs), saturation.classified,
                saturation.developedMs);
        line(b, "  pass-through exactly_once_v2 %,6.0f items/s  (%d items in %d ms)", saturation.passThroughRate(),
                saturation.passThrough, saturation.passThroughMs);
        line(b, "  ratio processor / pass-through: %.2f", saturation.ratio());
        ProcessUse processor = process("processor");
        ProcessUse passThrough = process("pass-through");
        if (processor != null && passThrough != null && saturation.classified > 0 && saturation.passThrough > 0) {
            double own = processor.cpuSaturation * 1000 / saturation.classified;
            double copy = passThrough.cpuSaturation * 1000 / saturation.passThrough;
            // CPU per item does not depend on how the cores were shared out, which the rates do
            line(b, "  CPU per item over the same records: processor %.3f ms, pass-through %.3f ms (pass-through / processor %.2f)",
                    own, copy, own <= 0 ? 0 : copy / own);
        }
        b.append('\n');
        line(b, "Steady feed: %d items written (%.0f items/s achieved); classified %d, relevant %d (%.1f %%), "
                        + "in a development %d, raised an alert %d", feed.fed, feed.sendRate, feed.classified, feed.relevant,
                feed.classified == 0 ? 0 : feed.relevant * 100.0 / feed.classified, feed.developed, feed.alerted);
        line(b, "  records read over the whole run: %s", feed.records);
        line(b, "  drained %s after the feed ended", feed.drainedMs < 0 ? "NOT (time limit reached)" : feed.drainedMs + " ms");
        line(b, "  classified records read before the feeder had their raw record's acknowledgement: %d (counted all the same)",
                feed.early);
        if (!feed.unclassified.isEmpty()) {
            line(b, "  not seen classified or dead-lettered by the end: %s", String.join(", ", feed.unclassified));
        }
        b.append('\n');
        renderAudit(b);
        b.append('\n');
        line(b, "Latency (ms, broker append times; 'alert readable' is when a read_committed consumer got it)");
        line(b, "  %-34s %7s %7s %7s %7s %7s", "stage", "count", "p50", "p90", "p99", "max");
        for (Stage s : stages) {
            Distribution d = s.latency;
            line(b, "  %-34s %7d %7d %7d %7d %7d", s.from + " -> " + s.to, d.count(), d.p50(), d.p90(), d.p99(), d.max());
        }
        b.append('\n');
        line(b, "Consumer lag (records; committed offset to last stable offset)");
        line(b, "  %-18s %-40s %-26s %9s %9s", "stage", "group", "topic", "max", "end");
        for (Lag l : lags) {
            line(b, "  %-18s %-40s %-26s %9d %9d", l.stage, l.group, l.topic, l.maxLag, l.endLag);
        }
        b.append('\n');
        if (!members.isEmpty()) {
            line(b, "Alerts stream members at the end of the feed (the grouping runs one task per partition of karaul.items.classified)");
            members.forEach(m -> line(b, "  %s", m));
            b.append('\n');
        }
        line(b, "Processes");
        line(b, "  %-34s %13s %16s %18s %16s", "process", "peak RSS MiB", "CPU s (backlog)", "CPU s (feed+drain)",
                "CPU ms per item");
        for (ProcessUse p : processes) {
            line(b, "  %-34s %13d %16.1f %18.1f %16.2f", p.name, p.peakRssMb, p.cpuSaturation, p.cpuFeed,
                    feed.fed == 0 ? 0 : p.cpuFeed * 1000 / feed.fed);
        }
        if (!profile.isEmpty()) {
            b.append('\n');
            profile.forEach(l -> b.append(l).append('\n'));
        }
        return b.toString();
    }

    private void renderAudit(StringBuilder b) {
        line(b, "Audit (a fresh read_committed consumer over the whole of karaul.items.raw, .classified and .raw.dlq)");
        if (audit.failure != null) {
            line(b, "  not made: %s", audit.failure);
            return;
        }
        line(b, "  raw records %d with %d distinct ids; classified records %d", audit.raw, audit.ids, audit.classifiedRecords);
        line(b, "  raw records classified exactly once %d, more than once %d, only dead-lettered %d, neither %d; "
                + "classified records with no raw record %d", audit.once, audit.moreThanOnce, audit.deadLettered,
                audit.neither, audit.orphans);
        if (!audit.unaccounted.isEmpty()) {
            line(b, "  neither: %s", String.join(", ", audit.unaccounted));
        }
        line(b, "  %s", audit.clean() ? "every raw record came out of the classify stage exactly once"
                : "NOT every raw record came out of the classify stage exactly once");
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
