package org.karaul.export.drop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.karaul.contract.Alert;
import org.karaul.contract.ItemIds;
import org.karaul.export.stix.StixBundles;
import org.karaul.export.story.GroupCatalog;
import org.karaul.export.story.Story;

/**
 * Writes each alert as a STIX bundle file {@code <alert id>.json} into a directory through {@link AtomicFile}, so a
 * reader watching the directory never sees half a file.
 * The name derives from the alert id, so a redelivered alert rewrites the same file with the same bytes.
 */
public final class StixDrop {
    private static final int MAX_NAME = 200;

    private final Path dir;
    private final StixBundles bundles;

    public StixDrop(Path dir, GroupCatalog groups) {
        this.dir = dir;
        this.bundles = new StixBundles(groups);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the STIX drop directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes the alert's bundle and returns its file. */
    public Path write(Alert alert) throws IOException {
        String json = StixBundles.json(bundles.bundle(List.of(Story.of(alert))));
        Path target = dir.resolve(fileName(alert.id()));
        AtomicFile.write(target, json);
        return target;
    }

    /** A safe file name for an alert id: unsafe characters become '_', a very long id its SHA-256. */
    static String fileName(String alertId) {
        String safe = alertId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        if (safe.length() > MAX_NAME) {
            safe = ItemIds.sha256Hex(alertId);
        }
        return safe + ".json";
    }
}
