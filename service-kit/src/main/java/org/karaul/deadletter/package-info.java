/**
 * Dead letters, one way for every stage: what a record that cannot be processed becomes on the stage's
 * {@code *.dlq} topic ({@link org.karaul.deadletter.DeadLetters}), the Kafka Streams handlers that send it there and
 * go on ({@link org.karaul.deadletter.DeadLetterHandler}), and the producer plain consumer loops use
 * ({@link org.karaul.deadletter.DeadLetterProducer}).
 */
package org.karaul.deadletter;
