package luoshi.gateway.sample;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import org.jboss.resteasy.reactive.RestResponse;

/** A stand-in for a service's public interface in `api` (as org-, funding- and review-service will add). */
@Path("/api/v1/route-samples")
@Tag(name = "route-samples")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SampleApi {

    @GET
    @Requires(Role.VIEWER)
    @Path("/{code}")
    @Operation(operationId = "getRouteSample")
    Sample get(@PathParam("code") String code);

    @POST
    @Requires(Role.OPERATOR)
    @Operation(operationId = "createRouteSample")
    RestResponse<Sample> create(@Valid @NotNull Sample sample);

    @POST
    @Requires(Role.OPERATOR)
    @Path("/batch")
    @Operation(operationId = "importRouteSamples")
    int importAll(@Valid @NotNull List<@Valid @NotNull Sample> samples);

    @DELETE
    @Requires(Role.OPERATOR)
    @Path("/{code}")
    @Operation(operationId = "deleteRouteSample")
    void delete(@PathParam("code") String code);

    record Sample(@NotBlank String code, String name) {
    }
}
