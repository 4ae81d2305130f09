/** RSS 0.9x/1.0/2.0 and Atom feeds read into one small model: feed title and entries. */
package org.karaul.ingest.feed;
