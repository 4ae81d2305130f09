package org.karaul.alerts.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal HTTP/1.1 client for webhook POSTs that connects to one given address (the one {@link UrlGuard} checked)
 * instead of resolving the URL's host itself. The JDK's {@code HttpClient} offers no way to pin the address it
 * connects to, so a check before it resolves the name a second time could be defeated by DNS rebinding. Here the TCP
 * connection goes to the pinned address, the Host header carries the URL's authority, and for https the TLS handshake
 * sends the host name as SNI and verifies the certificate against it (endpoint identification {@code HTTPS}). One
 * request per connection ({@code Connection: close}); redirects are never followed; the answer's body is read only up
 * to a small cap, within the timeout.
 */
final class PinnedHttp {
    private static final int MAX_HEAD = 16 * 1024;
    static final int MAX_BODY = 4096;
    private static final long UNDELIMITED_BODY_WAIT_NANOS = 1_000_000_000L;

    private final Supplier<SSLSocketFactory> tlsFactory;
    private volatile SSLSocketFactory tls;

    /** {@code tls} is asked once, at the first https POST (the JVM's default context is slow to build). */
    PinnedHttp(Supplier<SSLSocketFactory> tls) {
        this.tlsFactory = tls;
    }

    /**
     * The answer to one request.
     *
     * @param status   HTTP status code
     * @param location the Location header (of a redirect), or null
     * @param body     the start of the body (at most {@link #MAX_BODY} bytes, as UTF-8)
     */
    record Response(int status, String location, String body) {
    }

    /** POSTs {@code body} to the target's URL over a connection to the target's address. */
    Response post(UrlGuard.Target target, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
        URI uri = target.uri();
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        // a socket of a channel, so that interrupting the delivering thread (a worker being stopped) ends a blocked
        // connect or read at once instead of after the timeout
        try (SocketChannel channel = SocketChannel.open(); Socket raw = channel.socket()) {
            raw.connect(new InetSocketAddress(target.address(), target.port()), timeoutMillis);
            long deadline = System.nanoTime() + timeout.toNanos();
            raw.setSoTimeout(timeoutMillis);
            Socket socket = target.https() ? tls(raw, uri.getHost(), target.port()) : raw;
            OutputStream out = socket.getOutputStream();
            out.write(head(uri, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket, deadline);
        }
    }

    private Socket tls(Socket raw, String uriHost, int port) throws IOException {
        boolean literal = uriHost.startsWith("[") || uriHost.matches("[0-9.]+");
        String host = uriHost.startsWith("[") ? uriHost.substring(1, uriHost.length() - 1) : uriHost;
        SSLSocketFactory factory = tls;
        if (factory == null) {
            factory = tlsFactory.get();
            tls = factory;
        }
        SSLSocket ssl = (SSLSocket) factory.createSocket(raw, host, port, true);
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the URL's host, not the address
        if (!literal) {
            try {
                p.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException e) {
                throw new IOException("host " + host + " cannot be sent as TLS server name: " + e.getMessage(), e);
            }
        }
        ssl.setSSLParameters(p);
        ssl.startHandshake();
        return ssl;
    }

    private static String head(URI uri, Map<String, String> headers, int length) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        StringBuilder b = new StringBuilder("POST ").append(path).append(query).append(" HTTP/1.1\r\n");
        b.append("Host: ").append(uri.getRawAuthority()).append("\r\n");
        headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        b.append("Content-Length: ").append(length).append("\r\n");
        b.append("Connection: close\r\n\r\n");
        return b.toString();
    }

    private static Response read(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        while (true) {
            String status = line(in, socket, deadline);
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                throw new IOException("not an HTTP/1.x answer: '" + cut(status, 80) + "'");
            }
            int code = Integer.parseInt(parts[1]);
            String location = null;
            long contentLength = -1;
            boolean chunked = false;
            int headBytes = status.length();
            for (String h = line(in, socket, deadline); !h.isEmpty(); h = line(in, socket, deadline)) {
                headBytes += h.length();
                if (headBytes > MAX_HEAD) {
                    throw new IOException("answer headers longer than " + MAX_HEAD + " bytes");
                }
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "location" -> location = value;
                    case "content-length" -> contentLength = parseLength(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    default -> { }
                }
            }
            if (code >= 100 && code < 200) {
                continue; // an interim answer (100 Continue): the real one follows
            }
            if (code / 100 == 2 || code == 304) {
                return new Response(code, location, ""); // delivered (or nothing to say): the body is not needed
            }
            // a body of unknown length ends when the receiver closes; it only adds detail, so wait a little only
            long bodyDeadline = chunked || contentLength >= 0 ? deadline
                    : Math.min(deadline, System.nanoTime() + UNDELIMITED_BODY_WAIT_NANOS);
            return new Response(code, location, body(in, socket, bodyDeadline, chunked, contentLength));
        }
    }

    /** The start of the body; a receiver that is slow to send the rest does not turn a known status into a timeout. */
    private static String body(InputStream in, Socket socket, long deadline, boolean chunked, long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (chunked) {
                while (out.size() < MAX_BODY) {
                    String sizeLine = line(in, socket, deadline);
                    int semi = sizeLine.indexOf(';');
                    long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                    if (size <= 0) {
                        break;
                    }
                    copy(in, socket, deadline, out, Math.min(size, MAX_BODY - out.size()));
                    if (out.size() >= MAX_BODY) {
                        break;
                    }
                    line(in, socket, deadline); // the CRLF after the chunk
                }
            } else {
                copy(in, socket, deadline, out, length < 0 ? MAX_BODY : Math.min(length, MAX_BODY));
            }
        } catch (IOException | NumberFormatException e) {
            // what was read so far is enough for the reason
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void copy(InputStream in, Socket socket, long deadline, ByteArrayOutputStream out, long n)
            throws IOException {
        byte[] buf = new byte[1024];
        long left = n;
        while (left > 0) {
            socket.setSoTimeout(remaining(deadline));
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                return;
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }

    /** One header line (CRLF or LF ended), read within the deadline. */
    private static String line(InputStream in, Socket socket, long deadline) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            socket.setSoTimeout(remaining(deadline));
            int c = in.read();
            if (c < 0) {
                if (b.size() == 0) {
                    throw new IOException("the receiver closed the connection without an answer");
                }
                break;
            }
            if (c == '\n') {
                break;
            }
            if (b.size() >= MAX_HEAD) {
                throw new IOException("answer line longer than " + MAX_HEAD + " bytes");
            }
            b.write(c);
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static int remaining(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("no complete answer within the timeout");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static long parseLength(String value) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length '" + cut(value, 40) + "'");
        }
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }
}
