package org.karaul.processor.engine;

/**
 * Matches one document against every rule of a {@link RuleBook}. Implementations are
 * thread-safe: one instance serves every stream thread.
 */
public interface RuleEngine extends AutoCloseable {

    /** The rules that fire on a document read as {@code lang} ({@code en} or {@code ru}); other languages' rules are not run. */
    MatchResult match(String title, String text, String lang);

    @Override
    void close();
}
