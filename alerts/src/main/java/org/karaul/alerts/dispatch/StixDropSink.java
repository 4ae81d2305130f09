package org.karaul.alerts.dispatch;

import java.io.IOException;
import java.nio.file.Path;
import org.karaul.contract.Alert;
import org.karaul.export.drop.StixDrop;
import org.karaul.export.story.GroupCatalog;

/**
 * Writes each alert as a STIX 2.1 bundle file into a directory ({@code alerts.export.stix.dir}), atomically; a
 * failed write throws, so the dispatcher retries the same alert.
 */
public final class StixDropSink implements DispatcherSink {
    private final StixDrop drop;

    public StixDropSink(Path dir) {
        this.drop = new StixDrop(dir, GroupCatalog.fromClasspath());
    }

    @Override
    public String id() {
        return "stix-drop";
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        drop.write(alert);
    }
}
