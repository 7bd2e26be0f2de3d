package luoshi.rules;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import luoshi.platform.ProblemException;
import luoshi.rules.engine.ComplianceAnswers;

/** A test endpoint that answers through {@link ComplianceAnswers} and counts its evaluations. */
@Path("/test/answers")
@Produces(MediaType.TEXT_PLAIN)
public class CountedAnswers {

    static final AtomicInteger EVALUATIONS = new AtomicInteger();

    private final ComplianceAnswers answers;

    CountedAnswers(ComplianceAnswers answers) {
        this.answers = answers;
    }

    /** "version:evaluation number"; region 000000 fails with a 404, as an unknown region would. */
    @GET
    @Path("/{region}")
    public String items(@PathParam("region") String region) {
        return answers.items(region, 2025, LocalDate.of(2025, 12, 1), version -> {
            int n = EVALUATIONS.incrementAndGet();
            if (region.equals("000000")) {
                throw ProblemException.notFound("No region " + region + " (evaluation " + n + ")");
            }
            return version + ":" + n;
        });
    }
}
