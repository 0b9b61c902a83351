package io.slipway.gateway.rest;

import io.slipway.gateway.Page;
import io.slipway.gateway.PageRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * Cursor paging of every list: {@code ?limit=} (1 to {@value PageRequest#MAX_LIMIT}) and {@code ?before=<id>}, the
 * id of the last item of the page before; a page after which more follow carries {@code Link: <...>; rel="next"},
 * a URL relative to the gateway (path and query) that asks for the next page.
 */
final class Paging {

    static final String LIMIT = "limit";
    static final String BEFORE = "before";

    private Paging() {}

    /** @throws BadRequestException when the limit is no whole number or out of range, or the cursor too long */
    static PageRequest request(String before, String limit, int defaultLimit) {
        long size = QueryNumbers.wholeNumber(LIMIT, limit).orElse((long) defaultLimit);
        if (size < 1 || size > PageRequest.MAX_LIMIT) {
            throw new BadRequestException(LIMIT + ": from 1 to " + PageRequest.MAX_LIMIT + ", not " + size);
        }
        if (before != null && (before.isEmpty() || before.length() > PageRequest.MAX_CURSOR_LENGTH)) {
            throw new BadRequestException(
                    BEFORE + ": the id of an item of the list, 1 to " + PageRequest.MAX_CURSOR_LENGTH + " characters");
        }
        return new PageRequest(Optional.ofNullable(before), (int) size);
    }

    /** 200 with the page's items, and the link to the next page when there is one. */
    static Response ok(Page<?> page, PageRequest request, UriInfo uri) {
        return ok(page.items(), page.nextBefore(), request, uri);
    }

    /** @param items the page's items, or their JSON as written */
    static Response ok(Object items, Optional<String> nextBefore, PageRequest request, UriInfo uri) {
        Response.ResponseBuilder answer = Response.ok(items);
        nextBefore.ifPresent(next -> answer.links(Link.fromUri(UriBuilder.fromPath(uri.getPath())
                        .queryParam(LIMIT, request.limit())
                        .queryParam(BEFORE, next)
                        .build())
                .rel("next")
                .build()));
        return answer.build();
    }
}
