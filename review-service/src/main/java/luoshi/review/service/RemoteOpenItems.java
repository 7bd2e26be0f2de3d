package luoshi.review.service;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.region.RegionCode;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.ServiceRollup;
import luoshi.db.Database;

/**
 * Another service's open items, through its {@link ComplianceSource}: one call per page of up to
 * {@link ComplianceSource#MAX_OPEN_ITEMS_PAGE} items (each call evaluates the whole country), its answer read as it
 * arrives ({@link Feed}) and handed on a part at a time, so that a page of 50,000 items is never held at once.
 */
public class RemoteOpenItems implements OpenItemSource {

    /**
     * {@link ComplianceSource#openItems}, the same endpoint, its answer as a stream: the REST client hands an
     * {@code InputStream} over as the body arrives, where a {@code Page} would be read whole first.
     */
    @Path(ComplianceSource.PATH)
    public interface Feed {

        @GET
        @Path(ComplianceSource.OPEN_ITEMS)
        @Produces(MediaType.APPLICATION_JSON)
        InputStream openItems(@QueryParam("asOf") LocalDate asOf, @QueryParam("dueFrom") LocalDate dueFrom,
                @QueryParam("dueTo") LocalDate dueTo, @QueryParam("page") int page, @QueryParam("size") int size);
    }

    private final String name;
    private final ComplianceSource client;
    private final Feed feed;
    private final ObjectMapper json;
    /** An item read from the middle of the array: the tokens after it are the next items, not trailing ones. */
    private final ObjectReader item;
    private final int pageSize;

    public RemoteOpenItems(String name, ComplianceSource client, Feed feed, ObjectMapper json, int pageSize) {
        this.name = name;
        this.client = client;
        this.feed = feed;
        this.json = json;
        this.item = json.readerFor(OpenItem.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, Consumer<List<OpenItem>> parts) {
        long read = 0;
        for (int page = 0; ; page++) {
            long onPage;
            try (InputStream body = feed.openItems(asOf, dueFrom, dueTo, page, pageSize)) {
                onPage = items(body, parts);
            } catch (IOException e) {
                throw new IllegalStateException(name + " did not answer its open items (page " + page + "): " + e, e);
            }
            read += onPage;
            if (onPage < pageSize) {
                return read;
            }
        }
    }

    /** The items of one page ({@code {"items":[…], "page":…, "size":…, "total":…}}) handed on in parts; how many. */
    private long items(InputStream body, Consumer<List<OpenItem>> parts) throws IOException {
        long count = 0;
        try (JsonParser p = json.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "a page of open items is an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"items".equals(field) || value == JsonToken.VALUE_NULL) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new JsonParseException(p, "the items of a page are an array");
                }
                List<OpenItem> part = new ArrayList<>();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    part.add(item.readValue(p));
                    count++;
                    if (part.size() == Database.CHUNK) {
                        parts.accept(part);
                        part = new ArrayList<>();
                    }
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw new JsonParseException(p, "an open item is an object");
                }
                if (!part.isEmpty()) {
                    parts.accept(part);
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new JsonParseException(p, "the page ends early");
            }
        }
        return count;
    }

    @Override
    public Optional<ComplianceItem> item(String requirementId, String regionCode, LocalDate periodStart, int year,
            LocalDate asOf) {
        try {
            return client.items(RegionCode.parse(regionCode), year, asOf).toCompletableFuture().get(60, TimeUnit.SECONDS)
                    .items().stream()
                    .filter(i -> i.requirementId().equals(requirementId) && periodStart.equals(i.periodStart())).findFirst();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebApplicationException w && w.getResponse().getStatus() / 100 == 4) {
                return Optional.empty();   // a region the owner does not know (404), a question it does not answer
            }
            throw new IllegalStateException(name + " did not answer the items of " + regionCode + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " did not answer the items of " + regionCode + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + name, e);
        }
    }

    @Override
    public ServiceRollup rollup(String regionCode, int year, LocalDate asOf) {
        try {
            return client.rollup(RegionCode.parse(regionCode), year, asOf).toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " did not answer the rollup of " + regionCode + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " did not answer the rollup of " + regionCode + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + name, e);
        }
    }
}
