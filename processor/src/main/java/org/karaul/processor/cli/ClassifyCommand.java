package org.karaul.processor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.karaul.processor.classify.TaxonomyClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code classify [FILE]}: JSONL items in (file or stdin), JSONL classifications out, same order. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classifies JSONL items (id, title, text, optional lang) against the threat taxonomy.",
                "Writes one classification per line in the contract's JSON, in input order; extra fields such as gold are ignored."})
public final class ClassifyCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "JSONL items; standard input when absent or '-'")
    Path file;

    @Mixin
    ClassifierOptions classifierOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Item> items = file == null || file.toString().equals("-")
                ? JsonLines.read(System.in)
                : JsonLines.read(file);
        PrintWriter out = spec.commandLine().getOut();
        try (TaxonomyClassifier classifier = classifierOptions.load()) {
            for (Item item : items) {
                out.println(JsonLines.line(JsonLines.toJson(item.document().id(), classifier.classify(item.document()))));
            }
        }
        out.flush();
        return 0;
    }
}
