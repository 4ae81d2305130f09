/**
 * Where exported developments come from: the compacted {@code karaul.developments} topic, read from the beginning
 * by a throwaway consumer that never commits, or a JSONL file; the latest version per id, filtered by a window on
 * last seen. A record that cannot be read is skipped and counted, never fatal.
 */
package org.karaul.export.source;
