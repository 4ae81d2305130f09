/** The matching engine: Lucene Monitor with a script-aware English/Russian analyser, turning taxonomy rules into stored queries. */
package org.karaul.processor.engine;
