/** The {@code classify} and {@code eval} commands: JSONL in, the contract's classifications or accuracy figures out. */
package org.karaul.processor.cli;
