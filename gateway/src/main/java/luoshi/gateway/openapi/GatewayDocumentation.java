package luoshi.gateway.openapi;

import luoshi.gateway.requestid.RequestIds;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What the gateway adds to every operation of the public document ({@code mp.openapi.filter}); the
 * interfaces in {@code api} stay free of it:
 * <ul>
 *   <li>the request id: the optional request header, and the response header every answer carries;</li>
 *   <li>bearer authentication (API.md, Security): the scheme, required on every operation, so that
 *       Swagger UI's "Authorize" takes a token (deploy/local/token.sh prints one), and the 401 and 403
 *       answers.</li>
 * </ul>
 */
public class GatewayDocumentation implements OASFilter {

    static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A JWT (RS256) of the configured issuer. Claims: sub; groups ⊂ {viewer, operator, admin}; "
                        + "region: the code of the subtree the caller may act in (000000 = the whole country). "
                        + "Locally: deploy/local/token.sh ROLE REGION prints one."));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
    }

    @Override
    public Operation filterOperation(Operation operation) {
        operation.addParameter(OASFactory.createParameter()
                .name(RequestIds.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description("Your id for this call (up to 128 of A-Z a-z 0-9 . _ : -), to find it in the logs; "
                        + "the gateway makes one when it is missing")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        if (operation.getResponses() != null) {
            operation.getResponses()
                    .addAPIResponse("401", problem("No bearer token, or one that is malformed, expired, of another issuer "
                            + "or not signed by the configured key"))
                    .addAPIResponse("403", problem("The token's role or region does not allow this call (a region outside "
                            + "the caller's subtree, a write by a viewer, administration by an operator); nothing was written"));
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            Header header = OASFactory.createHeader()
                    .description("The id of this call: yours, or the one the gateway made")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            operation.getResponses().getAPIResponses().values().forEach(r -> r.addHeader(RequestIds.HEADER, header));
        }
        return operation;
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
    }
}
