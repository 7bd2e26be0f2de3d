package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import luoshi.platform.ProblemException;
import luoshi.review.config.WebhookConfig;

/**
 * Which URLs a webhook may have, and where a delivery connects (API.md, Reminders and webhooks; Webhook targets):
 * http or https, a host, a port from 1 to 65535, no credentials; and outside the local and test profiles no host that
 * resolves to an internal address ({@link InternalAddresses}), so that the service is not a probe of its own network.
 *
 * <p>A name is resolved <em>once</em> per use, every address it gives is checked, and a delivery connects to the
 * address that was checked ({@link Target}, sent by {@link PinnedHttp}), never to what a second lookup answers: a name
 * whose DNS answers first a public address and then 127.0.0.1 (DNS rebinding) cannot lead a delivery inside. A URL is
 * checked when the webhook is created (400 naming {@code url}) and again at each delivery, since a name may resolve
 * elsewhere by then (the delivery is refused, and the delivery log says why).
 */
@ApplicationScoped
public class WebhookTargets {

    /** Turns a host name (or an address literal, without brackets) into its addresses; none when it does not resolve. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * A checked URL and the address its delivery connects to. The host name stays what the URL says: it is the
     * {@code Host} header, and for https the name sent as SNI and the one the server's certificate must prove.
     */
    public record Target(URI url, InetAddress address) {

        public boolean https() {
            return url.getScheme().equalsIgnoreCase("https");
        }

        /** The URL's host, an IPv6 literal without its brackets. */
        public String host() {
            String host = url.getHost();
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }

        public int port() {
            return url.getPort() != -1 ? url.getPort() : https() ? 443 : 80;
        }

        /** The {@code Host} header: the URL's authority as written (it carries no credentials). */
        public String hostHeader() {
            return url.getRawAuthority();
        }

        /** The request target: the path (at least "/") and the query. */
        public String pathAndQuery() {
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    WebhookTargets(WebhookConfig config) {
        this(config.allowPrivateTargets(), InetAddress::getAllByName);
    }

    public WebhookTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * The URL of a new webhook, checked; a {@link ProblemException} 400 naming {@code url} otherwise. Where private
     * targets are allowed (local and test profiles) the host is not looked up: it may be one that resolves only later.
     */
    public URI check(String url) {
        URI uri = parse(url);
        if (!allowPrivate) {
            resolve(uri);
        }
        return uri;
    }

    /** A delivery's target: the URL checked again, its host resolved once, every address checked, the first kept. */
    public Target resolve(String url) {
        URI uri = parse(url);
        return new Target(uri, resolve(uri));
    }

    private InetAddress resolve(URI uri) {
        Target unresolved = new Target(uri, null);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(unresolved.host());
        } catch (UnknownHostException e) {
            addresses = new InetAddress[0];
        }
        if (addresses == null || addresses.length == 0) {
            throw ProblemException.badRequest("url", "the host " + uri.getHost() + " does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress a : addresses) {
                Optional<String> refusal = InternalAddresses.refusal(a);
                if (refusal.isPresent()) {
                    throw ProblemException.badRequest("url", "the host " + uri.getHost() + " resolves to "
                            + a.getHostAddress() + ", an address a webhook may not reach: " + refusal.get());
                }
            }
        }
        return addresses[0];
    }

    private static URI parse(String url) {
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
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw ProblemException.badRequest("url", "the port must be 1 to 65535, not " + uri.getPort());
        }
        return uri;
    }
}
