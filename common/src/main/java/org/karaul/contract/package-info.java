/** The records that travel on Karaul's topics: raw items, classified items, developments and alerts. */
package org.karaul.contract;
