/**
 * What every Karaul Kafka Streams application and Kafka client shares beyond its topology: the client settings
 * ({@link org.karaul.streams.ClientProperties}), how a stream thread that died is brought back
 * ({@link org.karaul.streams.ThreadRecovery}) and what health makes of it ({@link org.karaul.streams.StreamsHealth}),
 * what a restart spends rebuilding each store ({@link org.karaul.streams.RestoreLog}), and the per-key memory a
 * stage keeps in a state store or, offline, in a map ({@link org.karaul.streams.KeyValues}).
 */
package org.karaul.streams;
