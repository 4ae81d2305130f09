/** Article extraction from HTML: readability-style main text, title, time, author, language, canonical URL, charset. */
package org.karaul.ingest.extract;
