/**
 * The whole pipeline in one JVM on one machine — an embedded KRaft broker (or a given cluster), ingest, processor and
 * alerts sharing one metrics registry and one ops endpoint — as used by {@code karaul run} and {@code karaul demo};
 * the merged source list and the once-a-minute status line of {@code karaul run}.
 */
package org.karaul.local;
