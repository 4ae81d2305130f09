package org.karaul.export.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Deserializer;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.Topics;

/** Developments from a JSONL file, one {@code Development} per line as on the topic; blank lines are ignored. */
public final class DevelopmentsFile {
    private DevelopmentsFile() {
    }

    public static Read read(Path file, Window window) {
        Deserializer<Development> reader = Topics.DEVELOPMENTS.valueSerde().deserializer();
        Latest latest = new Latest(window);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Development d = reader.deserialize(file.toString(), line.getBytes(StandardCharsets.UTF_8));
                    latest.put(d.id(), d);
                } catch (RuntimeException e) {
                    latest.skip(file + ":" + n, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read developments file " + file + ": " + e.getMessage(), e);
        }
        return latest.read();
    }
}
