package org.karaul.export.source;

import java.util.List;
import org.karaul.contract.Development;

/**
 * What a source gave: the latest version of each development in the window, in id order, and what it skipped.
 *
 * @param developments the developments to export
 * @param records      records (or lines) read
 * @param skipped      records that could not be read, each with where and why
 */
public record Read(List<Development> developments, long records, List<String> skipped) {
    public Read {
        developments = List.copyOf(developments);
        skipped = List.copyOf(skipped);
    }
}
