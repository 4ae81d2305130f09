package org.karaul.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifier;
import org.karaul.processor.classify.Document;
import org.junit.jupiter.api.Test;

class PendingClassifierTest {

    @Test
    void shouldAnswerWithTheCompiledClassifierOnceTheCompileEnds() {
        CompletableFuture<Classifier> compiling = new CompletableFuture<>();
        PendingClassifier<Classifier> pending = new PendingClassifier<>(compiling);
        CompletableFuture<String> asked = CompletableFuture.supplyAsync(pending::taxonomyVersion);
        assertThat(asked).as("waiting for the compile").isNotDone();
        compiling.complete(new Fixed("2026.12.9"));
        assertThat(asked.join()).isEqualTo("2026.12.9");
        assertThat(pending.classify(new Document("i1", "t", "x", "en")).taxonomyVersion()).isEqualTo("2026.12.9");
    }

    @Test
    void shouldThrowTheCompilesOwnExceptionNotAWrapper() {
        CompletableFuture<Classifier> compiling = new CompletableFuture<>();
        compiling.completeExceptionally(new IllegalArgumentException("threat-taxonomy.yaml: unknown key 'ruless'"));
        PendingClassifier<Classifier> pending = new PendingClassifier<>(compiling);
        assertThatThrownBy(pending::taxonomyVersion).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ruless");
    }

    private record Fixed(String taxonomyVersion) implements Classifier {
        @Override
        public Classification classify(Document document) {
            return Classification.irrelevant(taxonomyVersion);
        }
    }
}
