package org.karaul.bench;

import java.util.List;
import org.karaul.processor.classify.Document;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Cycles through the benchmark articles, one per call, per thread. */
@State(Scope.Thread)
public class Cursor {
    private int next;

    Document take(List<Document> articles) {
        Document d = articles.get(next);
        next = (next + 1) % articles.size();
        return d;
    }
}
