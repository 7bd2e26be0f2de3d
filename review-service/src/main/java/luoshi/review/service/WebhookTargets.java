package luoshi.review.service;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Function;
import luoshi.platform.ProblemException;

/**
 * Which URLs a webhook may have (API.md, Reminders and webhooks): http(s) with a host, and unless
 * private targets are allowed, none resolving to a loopback, private, link-local or otherwise
 * internal address (the service must not be turned into a probe of its own network).
 */
public final class WebhookTargets {

    private final boolean allowPrivate;
    private final Function<String, InetAddress[]> resolver;

    public WebhookTargets(boolean allowPrivate, Function<String, InetAddress[]> resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    public static WebhookTargets resolvingWithDns(boolean allowPrivate) {
        return new WebhookTargets(allowPrivate, host -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                return new InetAddress[0];
            }
        });
    }

    /** The URL, checked; a {@link ProblemException} 400 naming {@code url} otherwise. */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("url", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw ProblemException.badRequest("url", "must be an http or https URL with a host");
        }
        if (uri.getUserInfo() != null) {
            throw ProblemException.badRequest("url", "must not carry credentials");
        }
        if (allowPrivate) {
            return uri;
        }
        InetAddress[] addresses = resolver.apply(uri.getHost());
        if (addresses.length == 0) {
            throw ProblemException.badRequest("url", "the host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress a : addresses) {
            if (isInternal(a)) {
                throw ProblemException.badRequest("url", "the host " + uri.getHost() + " resolves to "
                        + a.getHostAddress() + ", a loopback, private or link-local address");
            }
        }
        return uri;
    }

    static boolean isInternal(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;            // fc00::/7
        boolean sharedV4 = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || uniqueLocalV6 || sharedV4;
    }
}
