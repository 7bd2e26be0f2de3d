package luoshi.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import luoshi.api.common.Problem;
import luoshi.platform.ProblemException;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a downstream error answer into an exception. A 4xx is the service's answer to the caller: its
 * problem details become a {@link ProblemException} that reaches the caller unchanged (status, title,
 * detail, violations) and never counts as a fault. A 5xx is a {@link DownstreamFailure}: retried for
 * reads, counted by the circuit breaker, and never shown to the caller as such. A 4xx that reaches the gateway as
 * another exception (a client's {@link WebApplicationException}) is the same answer: {@link #refusal}.
 */
final class DownstreamProblems implements ResponseExceptionMapper<RuntimeException> {

    private final String service;
    private final ObjectMapper json;

    DownstreamProblems(String service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new DownstreamFailure(service, status);
        }
        return new ProblemException(problemOf(response, status));
    }

    /** The caller's answer for a downstream 4xx ({@link Faults#clientErrorStatus} is not 0): the service's problem. */
    ProblemException refusal(Throwable failure) {
        Throwable t = Faults.unwrapped(failure);
        if (t instanceof ProblemException problem) {
            return problem;
        }
        Response response = ((WebApplicationException) t).getResponse();
        return new ProblemException(problemOf(response, response.getStatus()));
    }

    private Problem problemOf(Response response, int status) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            body = "";   // read already, or closed: describe the status instead
        }
        if (!body.isBlank()) {
            try {
                Problem problem = json.readValue(body, Problem.class);
                if (problem.status() == status) {
                    return problem;
                }
            } catch (JsonProcessingException e) {
                // not problem details (a proxy's page, say): describe the status instead
            }
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return Problem.of(status, known == null ? "Error" : known.getReasonPhrase(), "The request could not be processed.");
    }
}
