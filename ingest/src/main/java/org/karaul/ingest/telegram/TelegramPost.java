package org.karaul.ingest.telegram;

import java.time.Instant;
import java.util.List;

/**
 * One channel post from the web preview.
 *
 * @param channel channel username
 * @param id      message id within the channel
 * @param time    when it was posted (UTC), null when the page does not say
 * @param text    post text, line breaks kept
 * @param links   absolute links in the text, in order
 */
public record TelegramPost(String channel, long id, Instant time, String text, List<String> links) {
    public TelegramPost {
        links = List.copyOf(links);
    }
}
