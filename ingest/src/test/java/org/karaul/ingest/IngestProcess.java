package org.karaul.ingest;

import picocli.CommandLine;

/**
 * The ingest service as its own process, for the kill tests: {@code java -cp ... org.karaul.ingest.IngestProcess
 * --config FILE} runs the real entry point ({@link IngestCommand}, as {@code karaul ingest}) until it is stopped.
 */
public final class IngestProcess {
    private IngestProcess() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestCommand()).execute(args));
    }
}
