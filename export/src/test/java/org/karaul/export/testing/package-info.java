/** Test support: validators of the exported formats and sample developments. */
package org.karaul.export.testing;
