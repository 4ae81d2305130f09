package org.karaul.contract.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.karaul.contract.ClassifiedItem;

/**
 * Where a relevant classified item is grouped into developments: the partition of {@code karaul.items.classified}
 * that the processor writes it to and the alerts stream groups it in. Part of the contract between the two.
 *
 * <p>The key is the cluster of the item's leading category family: the family is the part before the first dot of
 * its first label's id ({@code border} of {@code border.incursion}; the classifier lists labels strongest first), and
 * families that are often labelled together on one item share a cluster:
 * <pre>
 * violence: terrorism, extremism          → partition 0
 * frontier: border, trafficking           → partition 1
 * state:    security, unrest, cyber, hybrid → partition 2
 * </pre>
 * An item can only join a development that shares a category family with it, and spikes are counted per category,
 * so a story's copies keep together under the key. An item with labels of two clusters goes to its leading family's
 * cluster only; there it can join a development of any family, but not one grouped under its other cluster (the
 * cross-key case, measured in {@code alerts/ALERTS.md}). A cluster's partition is its place in the list above, modulo
 * the partition count; a family not listed is its own key, placed as Kafka places that string key (murmur2 of its
 * UTF-8 bytes). Record keys stay item ids; irrelevant items keep Kafka's default partitioning by item id.
 */
public final class GroupingKey {
    /** The key of a relevant item without any label (the grouping skips such an item). */
    public static final String NONE = "none";
    /** The clusters, in partition order. */
    private static final List<String> CLUSTERS = List.of("violence", "frontier", "state");
    private static final Map<String, String> CLUSTER_OF_FAMILY = Map.of("terrorism", "violence", "extremism", "violence",
            "border", "frontier", "trafficking", "frontier", "security", "state", "unrest", "state", "cyber", "state",
            "hybrid", "state");

    private GroupingKey() {
    }

    /** The grouping key of an item: its leading category's cluster, or {@value #NONE}. */
    public static String of(ClassifiedItem c) {
        return c.categories().isEmpty() ? NONE : ofCategory(c.categories().get(0).id());
    }

    /** The grouping key of a category id: its family's cluster, or the family itself when it is in no cluster. */
    public static String ofCategory(String categoryId) {
        String family = family(categoryId);
        return CLUSTER_OF_FAMILY.getOrDefault(family, family);
    }

    /** The family of a category id: the part before the first dot, or the whole id. */
    public static String family(String categoryId) {
        int dot = categoryId.indexOf('.');
        return dot < 0 ? categoryId : categoryId.substring(0, dot);
    }

    /** The partition, out of {@code partitions}, that the key {@code key} is grouped in. */
    public static int partition(String key, int partitions) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("partition count must be positive, was " + partitions + " (key " + key + ")");
        }
        int cluster = CLUSTERS.indexOf(key);
        return cluster >= 0 ? cluster % partitions
                : Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The partition, out of {@code partitions}, that the relevant item {@code c} is grouped in. */
    public static int partition(ClassifiedItem c, int partitions) {
        return partition(of(c), partitions);
    }
}
