package org.karaul.export.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.karaul.contract.SourceRef;

/**
 * How sure an export says it is (0–100), from the sources' Admiralty reliability grades and how many independent
 * owners reported the story.
 *
 * <p>Each grade stands for the chance that a report from such a source is right: A 0.90, B 0.75, C 0.60, D 0.40,
 * E 0.20, F (cannot be judged) or ungraded 0.30. With {@code n} independent owners (at least 1), the {@code n} best
 * grades among the sources count as independent reports, and the story is wrong only if all of them are:
 * {@code confidence = round(100 × (1 − Π(1 − p_i)))}, capped at {@value #CAP} (100 is left for what an analyst
 * confirmed). One grade-B source gives 75; B and C from two owners 90; three ungraded owners 66.
 */
public final class Confidence {
    /** The highest confidence an automatic export claims. */
    public static final int CAP = 95;
    private static final double UNGRADED = 0.30;

    private Confidence() {
    }

    /** The chance a report from a source of this Admiralty reliability grade is right. */
    public static double reliability(String grade) {
        if (grade == null || grade.isBlank()) {
            return UNGRADED;
        }
        return switch (grade.trim().toUpperCase(Locale.ROOT)) {
            case "A" -> 0.90;
            case "B" -> 0.75;
            case "C" -> 0.60;
            case "D" -> 0.40;
            case "E" -> 0.20;
            default -> UNGRADED;
        };
    }

    /** The confidence of a story reported by these sources from this many independent owners. */
    public static int of(List<SourceRef> sources, int independentSources) {
        int n = Math.max(1, independentSources);
        List<Double> p = new ArrayList<>(sources.stream().map(s -> reliability(s.grade())).toList());
        p.sort(Comparator.reverseOrder());
        double allWrong = 1.0;
        for (int i = 0; i < n; i++) {
            allWrong *= 1.0 - (i < p.size() ? p.get(i) : UNGRADED);
        }
        return (int) Math.min(CAP, Math.round(100.0 * (1.0 - allWrong)));
    }

    public static int of(Story story) {
        return of(story.sources(), story.independentSources());
    }

    /**
     * The Admiralty information-credibility rating (1 confirmed … 5 improbable) of a confidence, on the STIX 2.1
     * appendix scale: 90–100 → 1, 70–89 → 2, 50–69 → 3, 30–49 → 4, 0–29 → 5.
     */
    public static int credibility(int confidence) {
        if (confidence >= 90) {
            return 1;
        } else if (confidence >= 70) {
            return 2;
        } else if (confidence >= 50) {
            return 3;
        } else if (confidence >= 30) {
            return 4;
        }
        return 5;
    }

    /** The best (lowest letter) reliability grade among the sources, or null when none is graded A–F. */
    public static String bestGrade(List<SourceRef> sources) {
        return sources.stream().map(SourceRef::grade).filter(g -> g != null && g.trim().matches("[A-Fa-f]"))
                .map(g -> g.trim().toUpperCase(Locale.ROOT)).sorted().findFirst().orElse(null);
    }
}
