package org.karaul.export.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCatalogTest {

    @Test
    void shouldReadTheDeployedTaxonomysGroupsWithoutMatchMarkers() {
        GroupCatalog catalog = GroupCatalog.fromClasspath();

        assertThat(catalog.size()).isGreaterThan(5);
        Group isis = catalog.group("isis");
        assertThat(isis.name()).isEqualTo("Islamic State");
        assertThat(isis.aliases()).contains("ISIS", "IS", "Daesh").allSatisfy(a -> assertThat(a).doesNotStartWith("="))
                .doesNotContain("Islamic State");
    }

    @Test
    void shouldNameAnUnknownGroupByItsId() {
        assertThat(GroupCatalog.empty().group("new_group")).isEqualTo(new Group("new_group", "new_group", java.util.List.of()));
    }

    @Test
    void shouldReadATaxonomyDirectoryAndDropDuplicateAliases(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("groups.yaml"), """
                groups:
                  - id: x
                    name: Example Front
                    aliases: ["=EF", "ef", "Example Front", "Front of Example"]
                """);

        Group x = GroupCatalog.fromFile(dir).group("x");

        assertThat(x.aliases()).containsExactly("EF", "Front of Example");
    }

    @Test
    void shouldRejectAFileWithoutGroups(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("g.yaml"), "categories: []\n");

        assertThatThrownBy(() -> GroupCatalog.fromFile(f)).hasMessageContaining(f.toString()).hasMessageContaining("'groups'");
    }
}
