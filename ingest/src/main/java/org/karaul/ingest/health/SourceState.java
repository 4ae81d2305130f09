package org.karaul.ingest.health;

/** How a source is doing, as the desk needs to know it. */
public enum SourceState {
    /** Not polled yet. */
    UNKNOWN,
    /** Last poll worked and recent polls yielded items. */
    OK,
    /** Polls work but have yielded nothing new for a while: the source may have moved or gone quiet. */
    SILENT,
    /** Several polls in a row failed: we are blind on this source. */
    BROKEN
}
