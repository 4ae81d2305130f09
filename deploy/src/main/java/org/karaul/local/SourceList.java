package org.karaul.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.karaul.ingest.source.SourceSpec;
import org.karaul.ingest.source.SourcesFile;
import org.karaul.ingest.source.SourcesFileException;

/**
 * The sources {@code karaul run} polls: the bundled list, or a given file in its place, plus any number of files
 * that extend it. The result is written to one file (ingest reads a path) and validated as a whole, so a bad entry
 * or an id used twice across files stops start-up naming the entry.
 */
public final class SourceList {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SourceList() {
    }

    /**
     * Writes the merged list to {@code target} and returns its entries.
     *
     * @param replace a file used instead of the bundled list, or null
     * @param extra   files whose entries are added
     */
    public static List<SourceSpec> write(Path replace, List<Path> extra, Path target) throws SourcesFileException {
        // each file on its own first: a problem is reported against the file it is in
        if (replace != null) {
            SourcesFile.load(replace);
        }
        for (Path p : extra) {
            SourcesFile.load(p);
        }
        ObjectNode root = YAML.createObjectNode();
        ArrayNode all = root.putArray("sources");
        try {
            if (replace != null) {
                all.addAll(entries(replace.toString(), Files.newInputStream(replace)));
            } else {
                all.addAll(entries("classpath:" + SourcesFile.DEFAULT_RESOURCE,
                        SourcesFile.class.getResourceAsStream(SourcesFile.DEFAULT_RESOURCE)));
            }
            for (Path p : extra) {
                all.addAll(entries(p.toString(), Files.newInputStream(p)));
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, "# Written by karaul run at each start: the sources it polls (format: ingest/INGEST.md).\n"
                    + YAML.writeValueAsString(root));
        } catch (IOException e) {
            throw new SourcesFileException(target.toString(), List.of("cannot write the merged source list: " + e.getMessage()), e);
        }
        return SourcesFile.load(target);
    }

    private static ArrayNode entries(String name, InputStream stream) throws IOException, SourcesFileException {
        if (stream == null) {
            throw new SourcesFileException(name, List.of("missing from the classpath"), null);
        }
        try (InputStream in = stream) {
            JsonNode list = YAML.readTree(in).get("sources");
            return (ArrayNode) list; // shape checked by SourcesFile.load before
        }
    }
}
