package org.karaul.processor.taxonomy;

/** A taxonomy or gazetteer file that cannot be used; names the file, the entry and what is wrong. */
public class TaxonomyException extends RuntimeException {
    private final String file;
    private final String entry;

    public TaxonomyException(String file, String entry, String problem) {
        this(file, entry, problem, null);
    }

    public TaxonomyException(String file, String entry, String problem, Throwable cause) {
        super(file + ": " + entry + ": " + problem, cause);
        this.file = file;
        this.entry = entry;
    }

    public String file() {
        return file;
    }

    public String entry() {
        return entry;
    }
}
