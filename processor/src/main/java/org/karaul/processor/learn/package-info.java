/** A learned second opinion on the categories: a linear model over document word forms, trained on the tuning fold. */
package org.karaul.processor.learn;
