package org.karaul.processor;

import org.karaul.contract.ClassifiedItem;

/**
 * What became of one raw record: classified, or dead-lettered with its original bytes (the reason travels in
 * the record's headers). A classified one may carry the raw value as its item's JSON ({@link ClassifiedRecord}).
 */
record Outcome(ClassifiedItem classified, byte[] rawValue, byte[] itemJson) {

    static Outcome classified(ClassifiedItem item) {
        return new Outcome(item, null, null);
    }

    /** Classified, with {@code itemJson} (the raw value, one JSON object that reads as the item) written as it is. */
    static Outcome classified(ClassifiedItem item, byte[] itemJson) {
        return new Outcome(item, null, itemJson);
    }

    static Outcome deadLetter(byte[] rawValue) {
        return new Outcome(null, rawValue, null);
    }

    /** What is written to {@code karaul.items.classified}. */
    ClassifiedRecord toClassified() {
        return new ClassifiedRecord(classified, itemJson);
    }

    boolean isClassified() {
        return classified != null;
    }
}
