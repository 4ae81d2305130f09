/** Polite HTTP fetching: conditional GET, bounded bodies and redirects, robots.txt, per-host delay, retries, canonical URLs. */
package org.karaul.ingest.fetch;
