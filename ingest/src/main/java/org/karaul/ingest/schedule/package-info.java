/** When to poll a source next: sooner while it yields new items, later while it is idle or failing. */
package org.karaul.ingest.schedule;
