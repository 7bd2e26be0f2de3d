package luoshi.gateway.requestid;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents the request id on every operation of the public document ({@code mp.openapi.filter}):
 * the optional request header, and the response header every answer carries. The interfaces in
 * {@code api} stay free of it, since the services only read it.
 */
public class RequestIdDocumentation implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        operation.addParameter(OASFactory.createParameter()
                .name(RequestIds.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description("Your id for this call (up to 128 of A-Z a-z 0-9 . _ : -), to find it in the logs; "
                        + "the gateway makes one when it is missing")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            Header header = OASFactory.createHeader()
                    .description("The id of this call: yours, or the one the gateway made")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            operation.getResponses().getAPIResponses().values().forEach(r -> r.addHeader(RequestIds.HEADER, header));
        }
        return operation;
    }
}
