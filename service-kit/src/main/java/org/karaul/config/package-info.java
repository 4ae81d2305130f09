/** Typed service configuration: defaults shipped in the jar, overridden by a file and by environment variables. */
package org.karaul.config;
