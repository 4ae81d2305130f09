package org.karaul.contract.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.utils.Utils;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;

/**
 * Where a relevant classified item is grouped into developments: the partition of {@code karaul.items.classified}
 * that the processor writes it to and the alerts stream groups it in. Part of the contract between the two.
 *
 * <p>The key is the family of the item's leading category (the part before the first dot of its first label's id,
 * {@code border} of {@code border.incursion}; the classifier lists labels strongest first). An item can only join a
 * development that shares a category family with it, and spikes are counted per category, so a story's copies keep
 * together under it. An item with labels of two families goes to its leading family's partition only; it can join
 * a development there of either family, but not one opened under its other family's key elsewhere (the cross-key
 * case, measured in {@code alerts/ALERTS.md}). The partition of a key is Kafka's default one for that key as a
 * string (murmur2 of its UTF-8 bytes), so the families spread as string keys do. Record keys stay item ids;
 * irrelevant items keep Kafka's default partitioning by item id.
 */
public final class GroupingKey {
    /** The key of a relevant item without any label (the grouping skips such an item). */
    public static final String NONE = "none";

    private GroupingKey() {
    }

    /** The grouping key of an item: its leading category's family, or {@value #NONE}. */
    public static String of(ClassifiedItem c) {
        return c.categories().isEmpty() ? NONE : family(c.categories().get(0).id());
    }

    /** The family of a category id: the part before the first dot, or the whole id. */
    public static String family(String categoryId) {
        int dot = categoryId.indexOf('.');
        return dot < 0 ? categoryId : categoryId.substring(0, dot);
    }

    /** The family of the leading label in {@code labels} (strongest first), or {@value #NONE}. */
    public static String leadingFamily(List<CategoryLabel> labels) {
        return labels.isEmpty() ? NONE : family(labels.get(0).id());
    }

    /** The partition, out of {@code partitions}, that the key {@code key} is grouped in. */
    public static int partition(String key, int partitions) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("partition count must be positive, was " + partitions + " (key " + key + ")");
        }
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The partition, out of {@code partitions}, that the relevant item {@code c} is grouped in. */
    public static int partition(ClassifiedItem c, int partitions) {
        return partition(of(c), partitions);
    }
}
