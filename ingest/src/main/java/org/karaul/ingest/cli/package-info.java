/** Command-line tools over the ingest parsers: {@code parse-feed} and {@code extract}, one JSON object per file. */
package org.karaul.ingest.cli;
