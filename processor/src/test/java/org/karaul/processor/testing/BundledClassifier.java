package org.karaul.processor.testing;

import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.Document;
import org.karaul.processor.classify.TaxonomyClassifier;

/**
 * The classifier of the bundled taxonomy and model, compiled once per test JVM and shared by the tests that only
 * read it (compiling it costs about two seconds; a classifier holds no per-item state).
 */
public final class BundledClassifier {
    private static TaxonomyClassifier shared;

    private BundledClassifier() {
    }

    /** The shared classifier; it lives as long as the test JVM. */
    public static synchronized TaxonomyClassifier get() {
        if (shared == null) {
            shared = Classifiers.load(null);
        }
        return shared;
    }

    /** Classifies one text under the id {@code t}; {@code lang} may be null. */
    public static Classification classify(String title, String text, String lang) {
        return get().classify(new Document("t", title, text, lang));
    }
}
