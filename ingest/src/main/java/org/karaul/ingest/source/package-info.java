/** Sources: what to crawl (the sources file) and how each kind of source is fetched and read. */
package org.karaul.ingest.source;
