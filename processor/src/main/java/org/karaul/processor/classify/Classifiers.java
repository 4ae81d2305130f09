package org.karaul.processor.classify;

import java.nio.file.Path;
import org.karaul.processor.learn.CategoryModel;
import org.karaul.processor.taxonomy.Taxonomy;
import org.karaul.processor.taxonomy.TaxonomyLoader;

/** Builds the classifier the processor topology and the commands use. */
public final class Classifiers {

    private Classifiers() {
    }

    /**
     * Loads and validates a taxonomy and builds a thread-safe classifier from it.
     *
     * <p>{@code taxonomyDirOrNull} is a directory holding {@code threat-taxonomy.yaml} and the
     * gazetteer files it names ({@code groups.yaml}, {@code places.yaml}); {@code null} uses the
     * taxonomy bundled in the processor jar under {@code /taxonomy/}. Building registers every rule
     * in a {@link org.karaul.processor.engine.RuleIndex} (well under a second); build once and share
     * the instance across threads.
     * The returned classifier also implements {@link AutoCloseable}: close it on shutdown.
     *
     * @throws org.karaul.processor.taxonomy.TaxonomyException naming the file, entry and problem
     *         when a file is missing, malformed or inconsistent
     */
    public static TaxonomyClassifier load(Path taxonomyDirOrNull) {
        return load(taxonomyDirOrNull, TaxonomyClassifier.Engine.INDEX);
    }

    /** As {@link #load(Path)}, matching with the given engine. */
    public static TaxonomyClassifier load(Path taxonomyDirOrNull, TaxonomyClassifier.Engine engine) {
        return load(taxonomyDirOrNull, engine, true);
    }

    /**
     * As {@link #load(Path)}, matching with the given engine; {@code learned} adds the bundled
     * category model's second opinion (see {@link SecondOpinion}), when the jar holds one.
     */
    public static TaxonomyClassifier load(Path taxonomyDirOrNull, TaxonomyClassifier.Engine engine, boolean learned) {
        Taxonomy taxonomy = taxonomyDirOrNull == null
                ? TaxonomyLoader.bundled()
                : TaxonomyLoader.fromDirectory(taxonomyDirOrNull);
        return new TaxonomyClassifier(taxonomy, engine, learned ? CategoryModel.bundled() : null);
    }
}
