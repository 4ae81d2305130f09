/**
 * The fault suite: processor, alerts and the broker each in their own JVM, killed with SIGKILL at random points
 * while items flow, the broker restarted on the same data, every kind of poison record on every stage's input, a
 * webhook receiver down for minutes; each scenario's counts compared with a run without faults, and recovery times
 * written to {@code target/fault-report.txt}. Short form in {@code ./mvnw verify}, long form with {@code -Pfaults}.
 */
package org.karaul.faults;
