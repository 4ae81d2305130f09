/**
 * {@code karaul sources check}: every source of a sources file fetched once, politely, and judged — status, items
 * found, newest item, parse problems, robots.txt verdict — so a broken URL is found before it leaves a gap.
 */
package org.karaul.ingest.check;
