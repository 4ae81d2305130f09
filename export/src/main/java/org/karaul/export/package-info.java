/**
 * Export of developments and alerts to the formats threat-intelligence platforms read: STIX 2.1 bundles
 * ({@link org.karaul.export.stix}) and MISP events ({@link org.karaul.export.misp}); the {@code karaul export}
 * command ({@link org.karaul.export.ExportCommand}) reads them from the developments topic or a JSONL file
 * ({@link org.karaul.export.source}); {@link org.karaul.export.drop} writes one bundle per alert into a directory.
 */
package org.karaul.export;
