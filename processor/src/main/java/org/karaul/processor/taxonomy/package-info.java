/** The threat taxonomy as data: categories, weighted indicators, escalation cues, and the loader that validates them. */
package org.karaul.processor.taxonomy;
