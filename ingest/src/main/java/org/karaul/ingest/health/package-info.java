/** Per-source metrics and health: fetch outcomes, items, bytes, latency, and broken or silent sources. */
package org.karaul.ingest.health;
