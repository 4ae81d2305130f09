package org.karaul.processor.cli;

import java.util.Locale;
import org.karaul.processor.classify.TaxonomyClassifier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --engine index|monitor}, mixed into {@code classify} and {@code eval}. */
public final class EngineOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

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
}
