/**
 * Checks of the deployment files (deploy/k8s, deploy/compose) against the code: every Kubernetes manifest parsed
 * strictly into the fabric8 and Strimzi typed models, topics equal to {@code Topics}, settings loaded through each
 * module's own config record.
 */
package org.karaul.manifests;
