package org.karaul.alerts.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Refuses webhook URLs that are not http(s) or whose host resolves to a loopback, link-local, private, unique-local,
 * carrier-grade NAT, multicast, reserved or unspecified address (IPv4 and IPv6, including IPv4 addresses inside
 * IPv6 ones: mapped, compatible, NAT64 and 6to4), unless that address is inside an allowed range. Checked when a
 * subscription is created and again before every delivery. The check resolves the host once and returns the checked
 * address as a {@link Target}: the POST connects to exactly that address, never resolving the name again, so a name
 * that answers with a public address to the check and an internal one to the connection (DNS rebinding) gets nowhere.
 */
public final class UrlGuard {
    /** Longest webhook URL accepted. */
    public static final int MAX_URL_LENGTH = 2048;

    private final List<Cidr> allowed;
    private final HostResolver resolver;

    public UrlGuard(List<String> allowedRanges) {
        this(allowedRanges, HostResolver.SYSTEM);
    }

    public UrlGuard(List<String> allowedRanges, HostResolver resolver) {
        List<Cidr> list = new ArrayList<>();
        for (String r : allowedRanges) {
            if (!r.isBlank()) {
                list.add(Cidr.parse(r.trim()));
            }
        }
        this.allowed = List.copyOf(list);
        this.resolver = resolver;
    }

    /**
     * A URL to call and the one address, checked, to connect to for it.
     *
     * @param uri     the URL (its host goes into the Host header and, for https, into SNI and the certificate check)
     * @param address the resolved and checked address
     */
    public record Target(URI uri, InetAddress address) {
        /** The port to connect to: the URL's, or the scheme's default. */
        public int port() {
            return uri.getPort() != -1 ? uri.getPort() : https() ? 443 : 80;
        }

        public boolean https() {
            return "https".equalsIgnoreCase(uri.getScheme());
        }
    }

    /**
     * The URL's form alone, without resolving it: http(s), at most {@link #MAX_URL_LENGTH} characters, a host, a port
     * from 1 to 65535 if any, no user info and no fragment.
     */
    public static URI parse(String url) throws RefusedUrlException {
        if (url == null || url.isBlank()) {
            throw new RefusedUrlException("a URL is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new RefusedUrlException("longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrlException("only http and https URLs are allowed");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new RefusedUrlException("the URL needs a host and no user info");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535 || uri.getPort() < -1) {
            throw new RefusedUrlException("port " + uri.getPort() + " is out of range");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedUrlException("the URL may not have a fragment (#...)");
        }
        return uri;
    }

    /** Checks the URL and its host's every address; returns the address to connect to. */
    public Target check(String url) throws RefusedUrlException {
        URI uri = parse(url);
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("host " + host + " does not resolve");
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new RefusedUrlException("host " + host + " does not resolve");
        }
        for (InetAddress a : addresses) {
            if (internal(a) && allowed.stream().noneMatch(c -> c.contains(a))) {
                throw new RefusedUrlException("host " + host + " resolves to " + a.getHostAddress()
                        + ", a loopback, link-local or private address (see alerts.webhooks.allow)");
            }
        }
        return new Target(uri, addresses.get(0));
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return internalV4(b);
        }
        byte[] embedded = embeddedV4(b);
        if (embedded != null) {
            return internalV4(embedded);
        }
        int first = b[0] & 0xff;
        // fc00::/7 unique-local, fec0::/10 old site-local, ff00::/8 multicast, 2001:db8::/32 documentation, ::/128
        return (first & 0xfe) == 0xfc || (first == 0xfe && (b[1] & 0xc0) == 0xc0) || first == 0xff
                || (first == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)
                || allZero(b, 0, 16);
    }

    private static boolean internalV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || first == 10 || first == 127 || (first == 169 && second == 254)
                || (first == 172 && second >= 16 && second < 32) || (first == 192 && second == 168)
                || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                || (first == 198 && (second == 18 || second == 19)) || first >= 224;
    }

    /**
     * The IPv4 address an IPv6 one carries, or null: IPv4-mapped {@code ::ffff:a.b.c.d} (the JDK usually hands these
     * over as IPv4 already), IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d} and 6to4
     * {@code 2002:aabb:ccdd::}.
     */
    static byte[] embeddedV4(byte[] b) {
        if (b.length != 16) {
            return null;
        }
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 16);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
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
