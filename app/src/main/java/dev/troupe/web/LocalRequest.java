package dev.troupe.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule of "a request from this machine", for the console and the admin API alike, where no
 * password or token is configured; and of "a request another site's page made", refused on every
 * action even where one is.
 * <p>
 * A request from loopback is not enough: a page of another site whose name was made to resolve to
 * 127.0.0.1 (DNS rebinding) comes from loopback too, but names its own host in Host; and a page of
 * another site that posts to localhost (a form, or a {@code text/plain} fetch, which needs no
 * preflight) names localhost in Host, but the browser adds its own Origin, or {@code Sec-Fetch-Site: cross-site}.
 */
public final class LocalRequest {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private LocalRequest() {
    }

    /** From a loopback address, naming a loopback host, and sent by no page of another origin. */
    public static boolean isLocal(HttpServletRequest request) {
        return loopbackAddress(request.getRemoteAddr()) && loopbackName(request.getServerName()) && !foreignOrigin(request);
    }

    /** Sent by a page of another site: a foreign Origin, or the browser's own word for it. */
    public static boolean isCrossSite(HttpServletRequest request) {
        return foreignOrigin(request) || "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
    }

    /** A method a browser may send another site without asking first, or one that changes state anyway. */
    public static boolean changesState(HttpServletRequest request) {
        return STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    /**
     * An Origin that is neither a loopback origin nor the request's own (the host it names, where
     * the admin API is reached by its public name with a token). {@code Origin: null}, sent by
     * sandboxed frames and some redirects, is foreign: it could be anyone.
     */
    static boolean foreignOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI uri = new URI(origin.strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return true;
            }
            return !loopbackName(uri.getHost()) && !sameOrigin(uri, request);
        } catch (URISyntaxException unreadable) {
            return true;
        }
    }

    private static boolean sameOrigin(URI origin, HttpServletRequest request) {
        int port = origin.getPort() != -1 ? origin.getPort() : "https".equals(origin.getScheme()) ? 443 : 80;
        return origin.getScheme().equals(request.getScheme()) && origin.getHost().equalsIgnoreCase(request.getServerName())
            && port == request.getServerPort();
    }

    static boolean loopbackName(String host) {
        String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("127.0.0.1")
            || name.equals("[::1]") || name.equals("::1");
    }

    private static boolean loopbackAddress(String address) {
        try {
            // a literal address, as the container gives it: no name is looked up
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
