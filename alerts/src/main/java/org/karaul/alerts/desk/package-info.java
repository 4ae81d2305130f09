/** The live desk page: recent alerts from the alerts topic, pushed to browsers with Server-Sent Events. */
package org.karaul.alerts.desk;
