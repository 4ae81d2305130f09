package org.karaul.alerts.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. The guard resolves a webhook's host once per attempt through this, checks every
 * address, and the POST then connects to the checked address itself, so a name that answers differently the next
 * time (DNS rebinding) cannot reach an internal address. Tests pass a stub.
 */
@FunctionalInterface
public interface HostResolver {
    /** The system resolver ({@link InetAddress#getAllByName}). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
