/** The threat taxonomy as data: categories, weighted indicators, escalation cues, and the loaders that read and validate them and the gazetteers. */
package org.karaul.processor.taxonomy;
