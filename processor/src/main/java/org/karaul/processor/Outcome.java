package org.karaul.processor;

import org.karaul.contract.ClassifiedItem;

/**
 * What became of one raw record: classified, or dead-lettered with its original bytes (the reason travels in
 * the record's headers).
 */
record Outcome(ClassifiedItem classified, byte[] rawValue) {

    static Outcome classified(ClassifiedItem item) {
        return new Outcome(item, null);
    }

    static Outcome deadLetter(byte[] rawValue) {
        return new Outcome(null, rawValue);
    }

    boolean isClassified() {
        return classified != null;
    }
}
