/** Gazetteers as data: militant and extremist groups with their aliases, and places resolving to ISO countries. */
package org.karaul.processor.gazetteer;
