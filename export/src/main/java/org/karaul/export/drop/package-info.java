/** A directory that receives one STIX bundle per alert, each file written whole or not at all. */
package org.karaul.export.drop;
