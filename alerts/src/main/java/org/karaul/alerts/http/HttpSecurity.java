package org.karaul.alerts.http;

/**
 * How the desk page and the webhook API are protected (keys {@code alerts.desk.*} and {@code alerts.http.rate.*}).
 *
 * @param deskToken        login token of the desk page, its stream and its JSON; null leaves them open (allowed
 *                         only on a loopback address)
 * @param secureCookie     whether the desk's session cookie is marked {@code Secure} (behind an https proxy)
 * @param ratePerMinute    API and login requests allowed per client address and minute after the burst; 0: no limit
 * @param rateBurst        requests a client address may make at once
 */
public record HttpSecurity(String deskToken, boolean secureCookie, int ratePerMinute, int rateBurst) {
    @Override
    public String toString() {
        return "HttpSecurity[deskToken=" + (deskToken == null ? "none" : "(set)") + ", secureCookie=" + secureCookie
                + ", ratePerMinute=" + ratePerMinute + ", rateBurst=" + rateBurst + "]";
    }
}
