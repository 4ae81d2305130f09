package org.karaul.loadtest;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.karaul.contract.kafka.Topics;

/**
 * The yardstick: a Kafka Streams application with the processor's guarantee ({@code exactly_once_v2}) and commit
 * interval, and as many stream threads, that copies {@code karaul.items.raw} to a scratch topic byte for byte, doing no
 * work of its own. Run in a JVM of its own by the load test:
 * {@code PassThrough BOOTSTRAP APPLICATION_ID STATE_DIR COMMIT_MS THREADS}; it runs until SIGTERM.
 */
public final class PassThrough {
    private PassThrough() {
    }

    /** Raw records in, the same bytes out; the one topology of this application. */
    static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.ITEMS_RAW.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("raw"))
                .to(Topics.LOADTEST_PASSTHROUGH.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("copy"));
        return builder.build();
    }

    static Properties properties(String bootstrap, String applicationId, Path stateDir, long commitMs, int threads) {
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitMs));
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
        return p;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println("usage: PassThrough BOOTSTRAP APPLICATION_ID STATE_DIR COMMIT_MS THREADS");
            System.exit(2);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        KafkaStreams streams = new KafkaStreams(topology(), properties(args[0], args[1], Path.of(args[2]), Long.parseLong(args[3]),
                Integer.parseInt(args[4])));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close();
            stopped.countDown();
        }, "pass-through-stop"));
        streams.start();
        stopped.await();
    }
}
