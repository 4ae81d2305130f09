/**
 * Sealing of webhook secrets at rest: AES-GCM keys from configuration (or a generated key file on a loopback-only
 * service), with key ids so keys can rotate.
 */
package org.karaul.alerts.secrets;
