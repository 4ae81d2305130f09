/** A real single-node KRaft Kafka broker in the current JVM, for the demo and for the *IT suites. */
package org.karaul.kafka.embedded;
