package org.karaul.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.karaul.config.ConfigException;
import org.karaul.config.Settings;
import org.karaul.export.drop.AtomicFile;
import org.karaul.export.misp.MispEvents;
import org.karaul.export.source.DevelopmentsFile;
import org.karaul.export.source.DevelopmentsTopic;
import org.karaul.export.source.Read;
import org.karaul.export.source.Window;
import org.karaul.export.stix.StixBundles;
import org.karaul.export.story.GroupCatalog;
import org.karaul.export.story.Story;
import org.karaul.streams.ClientProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code karaul export stix|misp}: developments as one STIX 2.1 bundle or as a list of MISP events. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes developments as one STIX 2.1 bundle (stix) or as MISP events (misp).",
                "Reads the latest version of each development from karaul.developments (from",
                "the beginning, read_committed, without a consumer group, committing nothing)",
                "or from a JSONL file (--in), and keeps those last seen in the window.",
                "Writes to standard output or to --out FILE (atomically). See export/EXPORT.md."})
public final class ExportCommand implements Callable<Integer> {

    /** The output formats. */
    public enum Format { STIX, MISP }

    @Parameters(index = "0", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "stix or misp")
    Format format;

    @Option(names = "--since", paramLabel = "DURATION",
            description = "developments last seen within this long before now: 7d, 12h, 30m")
    String since;

    @Option(names = "--from", paramLabel = "TIME", description = "window start, inclusive: 2026-11-01T00:00:00Z or 2026-11-01")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "window end, exclusive (default: open)")
    String to;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (default from the settings: localhost:9092)")
    String bootstrap;

    @Option(names = "--in", paramLabel = "FILE", description = "read developments from this JSONL file instead of Kafka")
    Path in;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
    Path out;

    @Option(names = "--groups", paramLabel = "FILE|DIR", description = "groups.yaml or taxonomy directory naming the groups (default: the bundled taxonomy)")
    Path groups;

    @Option(names = "--config", paramLabel = "FILE", description = "properties file overriding export-defaults.properties")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ExportConfig cfg = ExportConfig.from(Settings.load(ExportConfig.DEFAULTS, config, System.getenv()));
        Window window = window(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Path groupsPath = groups != null ? groups : cfg.groupsPath();
        GroupCatalog catalog = groupsPath == null ? GroupCatalog.fromClasspath() : GroupCatalog.fromFile(groupsPath);
        Read read;
        if (in != null) {
            read = DevelopmentsFile.read(in, window);
        } else {
            read = DevelopmentsTopic.read(ClientProperties.from(cfg.kafka()).bootstrap(bootstrap).build(), window,
                    cfg.readTimeout());
        }
        List<Story> stories = read.developments().stream().map(Story::of).toList();
        String json = format == Format.STIX
                ? StixBundles.json(new StixBundles(catalog).bundle(stories))
                : MispEvents.json(new MispEvents(catalog).events(stories));
        PrintWriter err = spec.commandLine().getErr();
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(json);
            stdout.flush();
        } else {
            AtomicFile.write(out, json + "\n");
        }
        read.skipped().stream().limit(10).forEach(s -> err.println("karaul export: skipped " + s));
        err.printf(Locale.ROOT, "karaul export: %d development(s) in %s as %s%s (read %d record(s), skipped %d)%n",
                stories.size(), window, format.name().toLowerCase(Locale.ROOT), out == null ? "" : " to " + out,
                read.records(), read.skipped().size());
        err.flush();
        return 0;
    }

    Window window(Instant now) {
        if (since != null && (from != null || to != null)) {
            throw new ParameterException(spec.commandLine(), "give either --since or --from/--to, not both");
        }
        try {
            if (since != null) {
                Duration d = Settings.parseDuration("--since", since, "the command line");
                return new Window(now.minus(d), null);
            }
            return new Window(instant("--from", from), instant("--to", to));
        } catch (IllegalArgumentException | ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static Instant instant(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + ": not a time like 2026-11-01T00:00:00Z or 2026-11-01: '"
                        + text + "'", e);
            }
        }
    }

    /** Accepts the format in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown format '" + value + "'; expected stix or misp");
            }
        }
    }
}
