/** XML sitemaps, Google News sitemaps and sitemap indexes as sources of article URLs. */
package org.karaul.ingest.sitemap;
