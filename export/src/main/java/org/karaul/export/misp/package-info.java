/**
 * Stories as MISP events in the MISP core format: attributes for the sources and the evidence, tags for
 * countries, categories and the Admiralty scale, the threat-actor galaxy for the groups.
 */
package org.karaul.export.misp;
