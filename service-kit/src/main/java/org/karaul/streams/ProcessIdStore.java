package org.karaul.streams;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A persistent state store that holds nothing, for what its presence makes Kafka Streams do: keep the instance's
 * process id in the state directory across restarts.
 *
 * <p>Under exactly-once a stream thread's transactional id is the application id, the process id and the thread
 * index. With the id kept, a restarted instance aborts the transaction its killed predecessor left open as soon as it
 * starts; with a new id, that transaction would hold back every {@code read_committed} reader until the transaction
 * timeout. Streams keeps the id only when the topology has a persistent store, and Karaul's stores live in memory,
 * rebuilt from their changelogs at each start (which after a kill -9 under exactly-once Streams does for persistent
 * stores too, after wiping them). So each application adds this one: no RocksDB, no files, no changelog.
 *
 * <p>Nothing may read or write it: every data operation fails, naming the store.
 */
public final class ProcessIdStore implements KeyValueStore<Bytes, byte[]> {
    private final String name;
    private volatile boolean open;

    private ProcessIdStore(String name) {
        this.name = name;
    }

    /** The store, unlogged and uncached, to add to a topology and connect to one of its processors. */
    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> builder(String name) {
        KeyValueBytesStoreSupplier supplier = new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new ProcessIdStore(name);
            }

            @Override
            public String metricsScope() {
                // the scope names a tag key of the store's meters; Prometheus keeps one set of tag keys per meter name,
                // so this store shares the key of the in-memory stores beside it rather than adding a third
                return "in-memory";
            }
        };
        return Stores.keyValueStoreBuilder(supplier, Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled()
                .withCachingDisabled();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> {
        });
        open = true;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public byte[] get(Bytes key) {
        throw unused();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        throw unused();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        throw unused();
    }

    @Override
    public long approximateNumEntries() {
        return 0;
    }

    @Override
    public void put(Bytes key, byte[] value) {
        throw unused();
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        throw unused();
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        throw unused();
    }

    @Override
    public byte[] delete(Bytes key) {
        throw unused();
    }

    private UnsupportedOperationException unused() {
        return new UnsupportedOperationException("state store '" + name + "' only keeps the process id: it holds no data");
    }
}
