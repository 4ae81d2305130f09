/** The ingest service: polls sources on schedule and publishes each new or changed item to the raw topic once. */
package org.karaul.ingest;
