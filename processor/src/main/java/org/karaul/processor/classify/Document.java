package org.karaul.processor.classify;

/**
 * What the classifier reads: the contract's item without transport fields.
 *
 * @param id    item id, echoed in the output
 * @param title headline, never null
 * @param text  body, never null
 * @param lang  ISO 639-1 code if known, null to detect
 */
public record Document(String id, String title, String text, String lang) {
    public Document {
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
