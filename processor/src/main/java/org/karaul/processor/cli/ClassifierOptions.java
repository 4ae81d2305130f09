package org.karaul.processor.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.TaxonomyClassifier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --taxonomy DIR}, {@code --engine index|monitor} and {@code --rules-only}, mixed into {@code classify} and {@code eval}. */
public final class ClassifierOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--taxonomy", paramLabel = "DIR",
            description = "taxonomy directory (threat-taxonomy.yaml and gazetteers); bundled when absent")
    Path taxonomy;

    TaxonomyClassifier.Engine engine = TaxonomyClassifier.Engine.INDEX;

    @Option(names = "--engine", paramLabel = "index|monitor",
            description = "rule engine: index (default), or monitor, the Lucene Monitor reference it is checked against; both label alike")
    void engine(String value) {
        try {
            engine = TaxonomyClassifier.Engine.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--engine must be index or monitor, not '" + value + "'");
        }
    }

    @Option(names = "--rules-only", description = "leave out the learned second opinion (the bundled category model)")
    boolean rulesOnly;

    /** The classifier these options ask for; close it after use. */
    TaxonomyClassifier load() {
        return Classifiers.load(taxonomy, engine, !rulesOnly);
    }
}
