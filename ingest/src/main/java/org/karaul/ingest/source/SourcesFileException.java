package org.karaul.ingest.source;

import java.util.List;

/** The sources file is unreadable or has invalid entries; the message names the file and every bad entry. */
public final class SourcesFileException extends Exception {
    private final List<String> problems;

    public SourcesFileException(String file, List<String> problems, Throwable cause) {
        super(file + ": " + String.join("; ", problems), cause);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
