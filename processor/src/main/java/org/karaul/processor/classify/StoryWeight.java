package org.karaul.processor.classify;

import java.util.List;
import org.karaul.processor.engine.Span;

/**
 * Whether a category's evidence carries the story or is a passing mention: a drug named once in the
 * tenth paragraph of an article about a consular chat bot, a rally in a biography. Evidence carries
 * the story when some of it stands in the title or the lead (the first {@code lead} characters of the
 * text), or when it is spread over the body: at least {@code mentions} places, each starting at least
 * {@code gap} characters after the one before. A text shorter than the lead (most written reports, a
 * digest's story) is all lead, so in effect only long articles are judged. Reads only the category's
 * spans, already in reading order: no pass over the text.
 *
 * @param lead     characters of text read as the lead
 * @param mentions places in the body needed without evidence in the lead
 * @param gap      characters from one counted place to the next
 */
record StoryWeight(int lead, int mentions, int gap) {
    /** Every category carries: the weighing switched off (for ablations). */
    static final StoryWeight OFF = new StoryWeight(Integer.MAX_VALUE, 1, 0);
    static final StoryWeight DEFAULT = new StoryWeight(600, 2, 100);

    /**
     * {@link #DEFAULT}, or {@link #OFF} when the system property {@code karaul.storyweight.off} is true; for ablations
     * only, {@code karaul.storyweight.lead}, {@code .mentions} and {@code .gap} replace the default's parts.
     */
    static StoryWeight fromSystem() {
        return Boolean.getBoolean("karaul.storyweight.off") ? OFF
                : new StoryWeight(Integer.getInteger("karaul.storyweight.lead", DEFAULT.lead),
                        Integer.getInteger("karaul.storyweight.mentions", DEFAULT.mentions),
                        Integer.getInteger("karaul.storyweight.gap", DEFAULT.gap));
    }

    /** {@code spans}: a category's positive evidence in reading order (title first). */
    boolean carries(List<Span> spans) {
        if (spans.isEmpty() || spans.get(0).field().equals("title") || spans.get(0).start() < lead) {
            return true;
        }
        int places = 0;
        int next = Integer.MIN_VALUE;
        for (Span s : spans) {
            if (s.start() >= next) {
                places++;
                next = s.start() + gap;
            }
        }
        return places >= mentions;
    }
}
