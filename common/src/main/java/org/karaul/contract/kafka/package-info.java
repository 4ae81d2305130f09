/** Topic names, their key and value serdes, and the JSON mapping shared by every service. */
package org.karaul.contract.kafka;
