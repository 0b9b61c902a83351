package io.slipway.gateway;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list, newest first.
 *
 * @param nextBefore the id of the page's last item when more follow, the cursor of the next page
 */
public record Page<T>(List<T> items, Optional<String> nextBefore) {

    /**
     * @param found what a query found after the cursor, up to {@link PageRequest#limitWithOneMore()}
     */
    public static <T> Page<T> of(List<T> found, PageRequest request, Function<T, String> id) {
        if (found.size() <= request.limit()) {
            return new Page<>(List.copyOf(found), Optional.empty());
        }
        List<T> items = List.copyOf(found.subList(0, request.limit()));
        return new Page<>(items, Optional.of(id.apply(items.get(items.size() - 1))));
    }

    /**
     * A page of a whole list held in memory.
     *
     * @throws InvalidCursorException when the cursor is no item of the list
     */
    public static <T> Page<T> slice(List<T> all, PageRequest request, Function<T, String> id) {
        int start = 0;
        if (request.before().isPresent()) {
            String before = request.before().get();
            int at = 0;
            while (at < all.size() && !id.apply(all.get(at)).equals(before)) {
                at++;
            }
            if (at == all.size()) {
                throw new InvalidCursorException(before);
            }
            start = at + 1;
        }
        return of(all.subList(start, Math.min(all.size(), start + request.limitWithOneMore())), request, id);
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), nextBefore);
    }
}
