package org.karaul.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.karaul.config.Settings;

/**
 * The export command's settings, documented in {@code export-defaults.properties}.
 *
 * @param readTimeout how long to wait for the developments topic's end
 * @param groupsPath  groups.yaml or a taxonomy directory; null for the bundled taxonomy
 * @param kafka       consumer properties
 */
public record ExportConfig(Duration readTimeout, Path groupsPath, Properties kafka) {
    public static final String DEFAULTS = "export-defaults.properties";

    public static ExportConfig from(Settings s) {
        return new ExportConfig(s.duration("export.read.timeout"), s.optionalPath("export.groups.path"),
                s.kafkaProperties());
    }
}
