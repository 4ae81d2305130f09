package org.karaul.processor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifier;
import org.karaul.processor.classify.Document;

/**
 * A classifier still being compiled: the classify stream can join its group, fence its predecessor's transaction
 * and fetch while the taxonomy compiles (about two seconds), so a restarted processor classifies again sooner.
 * Every call waits for the compile; {@link ClassifyProcessor} makes its first call in {@code init}, before any
 * record, so a failed compile stops the stream thread and is never blamed on a record.
 */
final class PendingClassifier<C extends Classifier> implements Classifier {
    private final CompletableFuture<C> compiling;

    PendingClassifier(CompletableFuture<C> compiling) {
        this.compiling = compiling;
    }

    /** The compiled classifier, waiting for it; a failed compile throws its own exception. */
    C ready() {
        try {
            return compiling.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public Classification classify(Document document) {
        return ready().classify(document);
    }

    @Override
    public String taxonomyVersion() {
        return ready().taxonomyVersion();
    }
}
