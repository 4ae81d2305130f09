package org.karaul.ingest.check;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Prints check results as a fixed-width table, one row per source, and a closing count. */
public final class CheckTable {
    private static final String ROW = "%-28s %-8s %-13s %5s  %-20s  %-10s  %s%n";
    private static final int PROBLEM_MAX = 160;

    private final PrintWriter out;

    public CheckTable(PrintWriter out) {
        this.out = out;
    }

    public void header() {
        out.printf(ROW, "SOURCE", "TYPE", "STATUS", "ITEMS", "NEWEST", "ROBOTS", "PROBLEM");
        out.flush();
    }

    public void row(CheckResult r) {
        String problem = r.problem() == null ? "" : r.problem().length() <= PROBLEM_MAX ? r.problem()
                : r.problem().substring(0, PROBLEM_MAX - 1) + "…";
        out.printf(ROW, r.id(), r.type(), r.status().label(), r.items(),
                r.newest() == null ? "-" : r.newest().truncatedTo(ChronoUnit.SECONDS).toString(), r.robots(), problem);
        out.flush();
    }

    public void summary(List<CheckResult> results) {
        long broken = results.stream().filter(CheckResult::broken).count();
        out.printf("%d sources checked: %d ok, %d broken%n", results.size(), results.size() - broken, broken);
        out.flush();
    }
}
