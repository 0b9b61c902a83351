package io.slipway.cli.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Every error answer becomes an {@link ApiException} with the gateway's problem, or the status when it sent none. */
public final class ProblemMapper implements ResponseExceptionMapper<ApiException> {

    @Override
    public ApiException toThrowable(Response response) {
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
            try {
                return new ApiException(response.readEntity(Problem.class));
            } catch (RuntimeException notAProblem) {
                // Fall through to the status: an error body that is not a problem says nothing more.
            }
        }
        return new ApiException(
                new Problem(response.getStatusInfo().getReasonPhrase(), response.getStatus(), null, null));
    }
}
