package org.karaul.export.drop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.karaul.export.story.GroupCatalog;
import org.karaul.export.testing.Demo;
import org.karaul.export.testing.StixValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StixDropTest {

    @Test
    void shouldWriteOneValidBundlePerAlertAndNothingElse(@TempDir Path dir) throws Exception {
        StixDrop drop = new StixDrop(dir.resolve("stix"), GroupCatalog.fromClasspath());

        Path file = drop.write(Demo.borderAlert());
        byte[] first = Files.readAllBytes(file);
        drop.write(Demo.borderAlert()); // redelivered

        assertThat(file.getFileName()).hasToString("dev-border-1.opened.critical.0-5.json");
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        try (Stream<Path> files = Files.list(dir.resolve("stix"))) {
            assertThat(files).containsExactly(file);
        }
        assertThat(new StixValidator().validate(Files.readString(file))).isEmpty();
    }

    @Test
    void shouldGiveTheFileThePermissionsOfAnyNewFileThere(@TempDir Path dir) throws Exception {
        Path file = new StixDrop(dir, GroupCatalog.empty()).write(Demo.borderAlert());
        Path reference = Files.createFile(dir.resolve("reference"));

        // not the owner-only permissions of a temporary file: a TAXII server or watcher running as another user reads it
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void shouldMakeSafeFileNames() {
        assertThat(StixDrop.fileName("../etc/passwd")).isEqualTo("_._etc_passwd.json");
        assertThat(StixDrop.fileName("x".repeat(300))).hasSize(64 + 5);
    }
}
