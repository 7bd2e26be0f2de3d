package luoshi.gateway.client;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import luoshi.api.compliance.AnswerVersionFeed;
import luoshi.gateway.config.GatewayConfig;
import luoshi.platform.ServiceUrls;
import luoshi.security.ServiceTokens;

/**
 * The three services' {@link AnswerVersionBook}s, followed from the gateway's start (issue #29, kept answers): what
 * the version of every answer is now, without a downstream call. With {@code luoshi.gateway.kept-answers-mib=0} no feed
 * is followed and no book is ever current.
 */
@ApplicationScoped
public class VersionBooks {

    private final Map<String, AnswerVersionBook> books = new LinkedHashMap<>();
    private final ServiceUrls urls;
    private final ServiceTokens tokens;
    private final boolean enabled;
    private ScheduledExecutorService timer;

    VersionBooks(ServiceUrls urls, ServiceTokens tokens, GatewayConfig config) {
        this.urls = urls;
        this.tokens = tokens;
        this.enabled = config.keptAnswersMib() > 0;
        for (String owner : List.of("org", "funding", "review")) {
            books.put(owner, new AnswerVersionBook(owner + "-service", config.answerVersionsWaitMs(),
                    config.answerVersionsGraceMs()));
        }
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "answer-version-feeds");
            t.setDaemon(true);
            return t;
        });
        books.get("org").follow(urls.org(), tokens, timer);
        books.get("funding").follow(urls.funding(), tokens, timer);
        books.get("review").follow(urls.review(), tokens, timer);
    }

    void stop(@Observes ShutdownEvent event) {
        books.values().forEach(AnswerVersionBook::stop);
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The book of the service a requirement's owner names (org, funding, review). */
    public AnswerVersionBook of(String owner) {
        AnswerVersionBook book = books.get(owner);
        if (book == null) {
            throw new IllegalArgumentException("no service " + owner);
        }
        return book;
    }

    /**
     * The versions of the answers about {@code regionCode}, in the form the services' answers make
     * ({@code org-service=…;funding-service=…;review-service=…}, {@link Answers#versions}), or null when a book is not
     * current or is behind {@code atLeast} (by owner; a consistency token's).
     */
    public String versions(String regionCode, Map<String, Long> atLeast) {
        if (!enabled) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, AnswerVersionBook> e : books.entrySet()) {
            AnswerVersionBook book = e.getValue();
            if (!book.current(atLeast.getOrDefault(e.getKey(), 0L))) {
                return null;
            }
            out.append(out.length() == 0 ? "" : ";").append(book.service()).append('=').append(book.version(regionCode));
        }
        return out.toString();
    }

    /** The highest data version known of each service, by owner (a consistency token's content). */
    public Map<String, Long> highest() {
        Map<String, Long> out = new LinkedHashMap<>();
        books.forEach((owner, book) -> out.put(owner, book.highest()));
        return out;
    }

    /** The client filter of {@code owner}'s calls: a write's answer raises its book at once. */
    ClientResponseFilter raiser(String owner) {
        AnswerVersionBook book = of(owner);
        return (ClientRequestContext request, ClientResponseContext response) -> {
            // a broken exchange (a reset, a timeout) has no headers at all
            String said = response.getHeaders() == null ? null
                    : response.getHeaders().getFirst(AnswerVersionFeed.DATA_VERSION_HEADER);
            if (said != null) {
                try {
                    book.raise(Long.parseLong(said.trim()));
                } catch (NumberFormatException e) {
                    // not a version: as if the service said none
                }
            }
        };
    }
}
