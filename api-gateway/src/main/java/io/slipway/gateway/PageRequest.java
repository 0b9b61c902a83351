package io.slipway.gateway;

import java.util.Optional;

/**
 * Which page of a list, newest first: the items after {@code before} (an item's id, as the previous page's
 * {@code Link} names it), at most {@code limit} of them.
 *
 * @param before empty for the first page
 */
public record PageRequest(Optional<String> before, int limit) {

    /** The most items one page holds, for every list. */
    public static final int MAX_LIMIT = 500;

    /** The longest id a list has (an app name, a UUID): a longer cursor is no id of it. */
    public static final int MAX_CURSOR_LENGTH = 64;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " items, not " + limit);
        }
    }

    /** One more than the page holds: whether it was found tells whether a next page exists. */
    public int limitWithOneMore() {
        return limit + 1;
    }
}
