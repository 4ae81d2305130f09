package org.karaul.alerts.stream;

import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.karaul.contract.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade from two applications: before this service's stream starts, it takes over the positions on
 * {@code karaul.items.classified} of the processor's former developments application, so an upgraded deployment
 * groups (and alerts on) only the items that application had not grouped yet, instead of the topic's whole retained
 * history. Kafka Streams reads under a consumer group named by its application id, so that is the group given here.
 *
 * <ul>
 *   <li>The stream's group has positions on the topic: they are kept and the former group is not read.</li>
 *   <li>Only the former group has positions: they are copied, offset and commit metadata, partition by partition.</li>
 *   <li>Neither has any (a fresh install): nothing is done, and the stream starts at the topic's earliest records.</li>
 * </ul>
 * Offsets are read as committed ({@code requireStable}): an offset a crashed instance left in an open transaction is
 * waited for, not missed. When the offsets cannot be read or copied start-up stops, since going on would re-alert
 * the history; unless another instance of the stream has meanwhile taken positions itself (two instances started at
 * once), which is what was wanted.
 */
public final class FormerOffsets {
    private static final Logger LOG = LoggerFactory.getLogger(FormerOffsets.class);
    private static final long TIMEOUT_SECONDS = 30;
    private static final String TOPIC = Topics.ITEMS_CLASSIFIED.name();

    private FormerOffsets() {
    }

    /**
     * Copies {@code formerGroup}'s positions on {@code karaul.items.classified} to {@code group} when {@code group} has
     * none there.
     *
     * @param formerGroup the processor's former developments application id, or null to make no check
     * @return the positions copied, by partition; empty when none were
     * @throws IllegalStateException naming both groups when the positions cannot be read or copied
     */
    public static Map<TopicPartition, OffsetAndMetadata> adopt(Properties kafka, String group, String formerGroup) {
        if (formerGroup == null) {
            LOG.info("alerts.developments.former.group is empty: {} keeps its own positions on {}, if any", group, TOPIC);
            return Map.of();
        }
        try (Admin admin = Admin.create(kafka)) {
            if (!positions(admin, group).isEmpty()) {
                LOG.info("{} has positions on {}: kept, the former group {} is not read", group, TOPIC, formerGroup);
                return Map.of();
            }
            Map<TopicPartition, OffsetAndMetadata> former = positions(admin, formerGroup);
            if (former.isEmpty()) {
                LOG.info("neither {} nor the former group {} has positions on {}: a fresh install, read from the earliest"
                        + " records", group, formerGroup, TOPIC);
                return Map.of();
            }
            return copy(admin, group, formerGroup, former);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(group, formerGroup, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw failure(group, formerGroup, e);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> copy(Admin admin, String group, String formerGroup,
                                                               Map<TopicPartition, OffsetAndMetadata> former)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.alterConsumerGroupOffsets(group, former).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (positions(admin, group).isEmpty()) {
                throw e;
            }
            LOG.info("{} took positions on {} while they were copied (another instance started): kept", group, TOPIC);
            return Map.of();
        }
        former.forEach((tp, o) -> LOG.info("{} partition {}: {} starts at offset {}, where the former group {} stopped",
                TOPIC, tp.partition(), group, o.offset(), formerGroup));
        return former;
    }

    /** The group's committed offsets on the classified items topic, by partition (none for an unknown group). */
    private static Map<TopicPartition, OffsetAndMetadata> positions(Admin admin, String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(group,
                new ListConsumerGroupOffsetsOptions().requireStable(true)).partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return all.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null && e.getValue().offset() >= 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        () -> new TreeMap<>(Comparator.comparingInt(TopicPartition::partition))));
    }

    private static IllegalStateException failure(String group, String formerGroup, Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new IllegalStateException("could not give the alerts stream's group " + group + " the positions on " + TOPIC
                + " of the processor's former developments group " + formerGroup + " (" + cause + "). Started without"
                + " them, the stream would group and alert on the topic's retained history again. Check that the"
                + " service may describe both groups and alter " + group + "'s offsets and that no instance of the"
                + " previous version still runs under " + group + ", or set alerts.developments.former.group empty"
                + " to skip the check", cause);
    }
}
