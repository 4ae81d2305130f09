package org.karaul.alerts.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses webhook URLs that are not http(s) or whose host resolves to a loopback, link-local, private, unique-local,
 * carrier-grade NAT, multicast or unspecified address, unless that address is inside an allowed range. Checked when
 * a subscription is created and again before every delivery (the name may resolve elsewhere by then).
 */
public final class UrlGuard {
    private final List<Cidr> allowed;

    public UrlGuard(List<String> allowedRanges) {
        List<Cidr> list = new ArrayList<>();
        for (String r : allowedRanges) {
            if (!r.isBlank()) {
                list.add(Cidr.parse(r.trim()));
            }
        }
        this.allowed = List.copyOf(list);
    }

    /** The URL as a URI when it may be called. */
    public URI check(String url) throws RefusedUrlException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new RefusedUrlException("not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrlException("only http and https URLs are allowed");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new RefusedUrlException("the URL needs a host and no user info");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress a : addresses) {
            if (internal(a) && allowed.stream().noneMatch(c -> c.contains(a))) {
                throw new RefusedUrlException("host " + uri.getHost() + " resolves to " + a.getHostAddress()
                        + ", a loopback, link-local or private address (see alerts.webhooks.allow)");
            }
        }
        return uri;
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        return (b[0] & 0xfe) == 0xfc;
    }

    /** A URL that may not be called, with the reason. */
    public static final class RefusedUrlException extends Exception {
        private static final long serialVersionUID = 1L;

        public RefusedUrlException(String reason) {
            super(reason);
        }
    }

    /** An address range such as {@code 127.0.0.1/32} or {@code ::1/128}; a bare address is a range of one. */
    record Cidr(byte[] network, int bits) {
        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            try {
                byte[] net = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
                if (bits < 0 || bits > net.length * 8) {
                    throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
                }
                return new Cidr(net, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address range like 127.0.0.1/32: '" + text + "'", e);
            }
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
