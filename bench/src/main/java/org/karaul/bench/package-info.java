/** JMH benchmarks: classifier throughput with the full and a synthetic 10,000-rule taxonomy, against a naive regex scan. */
package org.karaul.bench;
