package org.karaul.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karaul.ingest.source.SourceSpec;
import org.karaul.ingest.source.SourcesFile;
import org.karaul.ingest.source.SourcesFileException;

/** The source list of {@code karaul run}: bundled, replaced with --sources, extended with --add-sources. */
class SourceListTest {
    @TempDir
    Path dir;

    @Test
    void shouldUseTheBundledListWhenNothingIsGiven() throws Exception {
        List<SourceSpec> merged = SourceList.write(null, List.of(), dir.resolve("out/sources.yaml"));

        assertThat(merged).extracting(SourceSpec::id).containsExactlyElementsOf(
                SourcesFile.loadDefault().stream().map(SourceSpec::id).toList());
        assertThat(SourcesFile.load(dir.resolve("out/sources.yaml"))).isEqualTo(merged);
    }

    @Test
    void shouldExtendTheBundledListWithAddedFiles() throws Exception {
        Path extra = Files.writeString(dir.resolve("extra.yaml"), "sources:\n  - {id: my-outlet, type: rss, "
                + "url: 'https://my.example/rss', lang: ky, grade: C, country: KG, reason: 'our own stringer'}\n");
        int bundled = SourcesFile.loadDefault().size();

        List<SourceSpec> merged = SourceList.write(null, List.of(extra), dir.resolve("sources.yaml"));

        assertThat(merged).hasSize(bundled + 1);
        assertThat(merged.get(bundled).id()).isEqualTo("my-outlet");
        assertThat(merged.get(bundled).profile().reason()).isEqualTo("our own stringer");
    }

    @Test
    void shouldReplaceTheBundledListWithTheGivenFile() throws Exception {
        Path own = Files.writeString(dir.resolve("own.yaml"), "sources:\n  - {id: a, type: rss, url: 'https://a.example/rss'}\n");
        Path extra = Files.writeString(dir.resolve("extra.yaml"), "sources:\n  - {id: b, type: atom, url: 'https://b.example/atom'}\n");

        List<SourceSpec> merged = SourceList.write(own, List.of(extra), dir.resolve("sources.yaml"));

        assertThat(merged).extracting(SourceSpec::id).containsExactly("a", "b");
    }

    @Test
    void shouldNameTheFileOfABadEntryAndAnIdUsedTwiceAcrossFiles() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "sources:\n  - {id: x, type: rss, url: 'https://x.example/rss', colour: red}\n");
        assertThatThrownBy(() -> SourceList.write(null, List.of(bad), dir.resolve("sources.yaml")))
                .isInstanceOf(SourcesFileException.class).hasMessageStartingWith(bad.toString())
                .hasMessageContaining("unknown key 'colour'");

        Path twice = Files.writeString(dir.resolve("twice.yaml"), "sources:\n  - {id: tengrinews, type: rss, url: 'https://t.example/rss'}\n");
        assertThatThrownBy(() -> SourceList.write(null, List.of(twice), dir.resolve("sources.yaml")))
                .isInstanceOf(SourcesFileException.class).hasMessageContaining("(id tengrinews): duplicate id");
    }
}
