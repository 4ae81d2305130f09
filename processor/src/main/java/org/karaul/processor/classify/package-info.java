/** Classification of one document against the threat taxonomy: the seam the processor topology calls. */
package org.karaul.processor.classify;
