/**
 * What every Karaul Kafka Streams application and Kafka client shares beyond its topology: the client settings
 * ({@link org.karaul.streams.ClientProperties}) and how a stream thread that died is brought back
 * ({@link org.karaul.streams.ThreadRecovery}).
 */
package org.karaul.streams;
