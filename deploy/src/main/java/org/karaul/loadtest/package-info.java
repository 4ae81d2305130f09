/**
 * {@code karaul loadtest}: feeds realistic raw items through the processor and alerts services, each in a JVM of its
 * own, on an embedded KRaft broker (or a given one), and reports what the pipeline sustains: each stage's latency
 * from broker append times (raw → classified → development → alert, as a {@code read_committed} reader sees them),
 * throughput at saturation next to an exactly-once pass-through Streams application on the same broker, consumer lag
 * per stage, each process's peak RSS and CPU, and an audit of the whole raw and classified topics (every raw record
 * classified exactly once or dead-lettered). With {@code --jfr} it also records the services with Java Flight
 * Recorder and breaks their CPU samples down by part of the work. See {@code deploy/LOADTEST.md}.
 */
package org.karaul.loadtest;
