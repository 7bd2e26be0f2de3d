package luoshi.platform;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Endpoints of the tests only, that fail the ways a service can: in a resource, in a Vert.x handler, on either port. */
@Path("/test")
public class Failures {

    public record Row(String regionCode, String name) {
    }

    public record Dated(java.time.LocalDate date, Integer count) {
    }

    @GET
    @Path("exception")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public String exception() {
        throw new IllegalStateException("luoshi.internal.SecretClass failed");
    }

    @GET
    @Path("out-of-memory")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public String outOfMemory() {
        throw new OutOfMemoryError("Java heap space");
    }

    /** How many bytes the body has (read as a stream, as a CSV import does). */
    @POST
    @Path("bytes")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public long bytes(InputStream body) throws IOException {
        return body.transferTo(java.io.OutputStream.nullOutputStream());
    }

    /** How many rows the JSON body has (read by Jackson, as a batch is). */
    @POST
    @Path("rows")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public int rows(List<Row> rows) {
        return rows.size();
    }

    /** A body read by Jackson into a record with a date: what it was read as. */
    @POST
    @Path("dated")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public String dated(Dated dated) {
        return dated.date() + " " + dated.count();
    }

    /** Two media types, as the regions import takes JSON and CSV: a Content-Type is chosen among them. */
    @POST
    @Path("either")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv"})
    @Produces(MediaType.TEXT_PLAIN)
    public long either(InputStream body) throws IOException {
        return body.transferTo(java.io.OutputStream.nullOutputStream());
    }

    @ApplicationScoped
    static class VertxRoutes {

        void publicRoute(@Observes Router router) {
            router.get("/vertx/failure").handler(rc -> {
                throw new IllegalStateException("luoshi.internal.SecretClass failed");
            });
        }

        void managementRoute(@Observes ManagementInterface management) {
            management.router().get("/q/failure").handler(rc -> {
                throw new IllegalStateException("luoshi.internal.SecretClass failed");
            });
        }
    }
}
