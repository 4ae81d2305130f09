/** Public Telegram channels read through their web preview, {@code t.me/s/<channel>}. */
package org.karaul.ingest.telegram;
