/** Operating a service: the Prometheus metrics and health endpoint, meter registry set-up, Kafka client binders. */
package org.karaul.ops;
