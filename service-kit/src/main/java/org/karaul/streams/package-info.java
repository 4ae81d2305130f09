/**
 * What every Karaul Kafka Streams application shares beyond its topology: how a stream thread that died is
 * brought back ({@link org.karaul.streams.ThreadRecovery}).
 */
package org.karaul.streams;
