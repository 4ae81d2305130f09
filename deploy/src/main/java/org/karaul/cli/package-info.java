/** The {@code karaul} command: one executable jar whose subcommands run each service, the demo and the tools. */
package org.karaul.cli;
