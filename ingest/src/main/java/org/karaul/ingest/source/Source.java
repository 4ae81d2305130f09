package org.karaul.ingest.source;

import java.util.List;

/** A place items come from. One instance per configured source; polled by one thread at a time. */
public interface Source {

    SourceSpec spec();

    /**
     * Fetches the source once and returns what it lists now, newest or oldest first as the source gives them.
     * Already-seen items may be returned again: de-duplication happens downstream.
     *
     * @throws SourceException when the source cannot be fetched or read; carries the URL
     */
    List<Candidate> poll() throws SourceException;
}
