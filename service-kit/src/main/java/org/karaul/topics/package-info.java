/** Reading a topic once, start to end, without joining a consumer group ({@link org.karaul.topics.TopicSnapshot}). */
package org.karaul.topics;
