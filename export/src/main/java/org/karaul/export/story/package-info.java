/**
 * What both exporters share: one development (or the alert raised on it) as a {@link org.karaul.export.story.Story},
 * its confidence from source grades and corroboration, name-based UUIDs, and the group and country names.
 */
package org.karaul.export.story;
