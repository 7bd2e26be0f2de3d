package luoshi.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import luoshi.platform.BodyLimits;
import luoshi.platform.IdempotencyKey;
import luoshi.api.common.Problem;
import luoshi.platform.ProblemException;
import luoshi.security.Caller;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The {@code Idempotency-Key} of every {@code POST} of {@code /api/} (API.md; README of this module). The request
 * filter begins the call's transaction and claims the key in it, before the resource method runs; the service's
 * {@code @Transactional} method joins that transaction, so the rows, the audit event and the key are one unit. The
 * response filter stores a 2xx answer with the key and commits, before the answer is written: a lost answer is
 * replayed to the retry, and an answer that is sent was committed. Any other answer rolls everything back, the key
 * included, so a failed call does not use its key up.
 *
 * <p>A replay is authorised like the first call: a key belongs to its caller's {@code sub} (the table's key) and to
 * the rights of the token it came with (region claim and roles, part of the {@link RequestFingerprint}). Whatever
 * {@code Access} decides depends on those rights and on the request, so the same rights and the same request were
 * authorised once and are answered again; the same key from a token with other rights is another request (a 422 that
 * tells nothing of the stored answer); another caller's key is that caller's own, a new call
 * checked by the service as any. A refused replay stores nothing and tells nothing of the first answer.
 */
public class IdempotentPosts {

    /** Answered with a replay, as Stripe does: the call was not applied again. */
    public static final String REPLAYED = IdempotencyKey.REPLAYED;

    private static final Logger LOG = Logger.getLogger(IdempotentPosts.class);
    private static final String PENDING = IdempotentPosts.class.getName() + ".pending";

    /** A claimed key and the transaction that holds it, from the request filter to the response filter. */
    private record Pending(Transaction transaction, IdempotencyKeys.KeyId id) {
    }

    private final TransactionManager transactions;
    private final IdempotencyKeys keys;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentPosts(TransactionManager transactions, IdempotencyKeys keys, Caller caller, ObjectMapper json, Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
    }

    // after authentication and before the body is read into the method's parameters, on the method's thread
    @ServerRequestFilter(priority = Priorities.USER, readBody = true)
    public Response claim(ContainerRequestContext request, RoutingContext rc) throws IOException {
        String key = request.getHeaderString(IdempotencyKey.HEADER);
        String path = request.getUriInfo().getPath();
        if (key == null || !HttpMethod.POST.equals(request.getMethod()) || !path.startsWith("/api/")) {
            return null;
        }
        if (key.isBlank() || key.length() > IdempotencyKey.MAX_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // printable ASCII, as an HTTP token or a UUID is: the key is stored and shown as it was sent
            return problem(ProblemException.badRequest(IdempotencyKey.HEADER,
                    "must be 1 to " + IdempotencyKey.MAX_LENGTH + " printable ASCII characters (a UUID, say)").problem());
        }
        // read to its end before the key's transaction begins (no connection waits for a slow upload), kept to be read
        // again by the resource: in memory when small, in a file when large (a batch), never whole in the heap
        SpooledBody body = SpooledBody.of(BodyLimits.hasBody(request) ? request.getEntityStream() : InputStream.nullInputStream());
        rc.addEndHandler(ended -> body.delete());
        request.setEntityStream(body.open());
        MediaType type = request.getMediaType();
        byte[] hash = RequestFingerprint.of(new RequestFingerprint.Request(request.getMethod(), path,
                request.getUriInfo().getRequestUri().getRawQuery(), caller.rights()),
                type != null && type.getSubtype().endsWith("json"), body::open);
        IdempotencyKeys.KeyId id = new IdempotencyKeys.KeyId(String.valueOf(caller.subject()), path, key);

        IdempotencyKeys.Claim claim;
        try {
            transactions.begin();
            claim = keys.claim(id, hash, clock.instant());
        } catch (Exception e) {
            rollback();
            throw new IllegalStateException("cannot claim an idempotency key", e);
        }
        if (claim instanceof IdempotencyKeys.Claimed) {
            request.setProperty(PENDING, new Pending(currentTransaction(), id));
            return null;
        }
        rollback();
        if (claim instanceof IdempotencyKeys.Earlier earlier) {
            return MessageDigest.isEqual(earlier.requestHash(), hash) ? replay(earlier.answer())
                    : problem(Problem.of(422, "Unprocessable Content", "The Idempotency-Key '" + key + "' was used at "
                            + path + " for another request: with another body or query string, or by a token with"
                            + " another region or roles. Send a new key for a new request."));
        }
        return problem(Problem.of(409, "Conflict", "A call with the Idempotency-Key '" + key + "' is still running at "
                + path + ". Retry later with the same key to get its answer."));
    }

    @ServerResponseFilter(priority = Priorities.USER)
    public void answer(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PENDING) instanceof Pending pending)) {
            return;
        }
        request.removeProperty(PENDING);
        try {
            if (transactions.getTransaction() != pending.transaction()) {
                transactions.suspend();
                transactions.resume(pending.transaction());
            }
            if (response.getStatus() >= 300 || transactions.getStatus() != Status.STATUS_ACTIVE) {
                transactions.rollback();   // a failed call: nothing of it is kept, not even its key
                return;
            }
            keys.answer(pending.id(), new IdempotencyKeys.Answer(response.getStatus(),
                    response.getMediaType() == null ? null : response.getMediaType().toString(),
                    response.getLocation() == null ? null : response.getLocation().toString(), body(response.getEntity())));
            transactions.commit();
        } catch (Exception e) {
            LOG.errorf(e, "The call with Idempotency-Key %s at %s could not be committed", pending.id().key(),
                    pending.id().operation());
            rollback();
            response.getHeaders().clear();
            response.setEntity(Problem.of(503, "Service Unavailable", "The call could not be stored; nothing of it "
                    + "was kept. Retry it with the same Idempotency-Key."), new Annotation[0],
                    MediaType.valueOf(Problem.MEDIA_TYPE));
            response.setStatus(503);
        }
    }

    private byte[] body(Object entity) throws JsonProcessingException {
        if (entity == null) {
            return null;
        }
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return json.writeValueAsBytes(entity);
    }

    private static Response replay(IdempotencyKeys.Answer answer) {
        Response.ResponseBuilder replay = Response.status(answer.status()).header(REPLAYED, "true");
        if (answer.contentType() != null) {
            replay.header(HttpHeaders.CONTENT_TYPE, answer.contentType());
        }
        if (answer.location() != null) {
            replay.header(HttpHeaders.LOCATION, answer.location());
        }
        return replay.entity(answer.body()).build();
    }

    private static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private Transaction currentTransaction() {
        try {
            return transactions.getTransaction();
        } catch (SystemException e) {
            throw new IllegalStateException("no transaction after begin", e);
        }
    }

    private void rollback() {
        try {
            if (transactions.getTransaction() != null) {
                transactions.rollback();
            }
        } catch (Exception e) {
            LOG.warn("Rolling back the transaction of an idempotent call failed", e);
        }
    }
}
