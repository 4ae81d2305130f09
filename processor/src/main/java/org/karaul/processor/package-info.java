/** The processor service: a Kafka Streams application that classifies every raw item exactly once. */
package org.karaul.processor;
