package org.karaul.processor;

import org.karaul.contract.ClassifiedItem;

/**
 * A classified item on its way to {@code karaul.items.classified}, with the raw record's value when that is the item's
 * JSON object as it is to be written ({@link ClassifiedWriter}).
 *
 * @param item     the item and its verdict
 * @param itemJson the raw record's value, one JSON object in UTF-8 that reads as {@code item.item()}; null to write
 *                 the raw item anew
 */
record ClassifiedRecord(ClassifiedItem item, byte[] itemJson) {
}
