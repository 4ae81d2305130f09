package org.karaul.processor.cli;

import java.util.Collection;

/** True positives, false positives and false negatives, with precision, recall and F1. */
final class Counts {
    int tp;
    int fp;
    int fn;

    void add(Collection<String> expected, Collection<String> got) {
        for (String g : got) {
            if (expected.contains(g)) {
                tp++;
            } else {
                fp++;
            }
        }
        for (String e : expected) {
            if (!got.contains(e)) {
                fn++;
            }
        }
    }

    void add(boolean expected, boolean got) {
        if (got && expected) {
            tp++;
        } else if (got) {
            fp++;
        } else if (expected) {
            fn++;
        }
    }

    int support() {
        return tp + fn;
    }

    double precision() {
        return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    double recall() {
        return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
