package io.slipway.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * One process type's entry in app.json's {@code formation}. Dokku's other fields ({@code autoscaling},
 * {@code max_parallel}, {@code service}) are not read.
 *
 * @param quantity how many containers; never negative
 * @param size Heroku's dyno size ({@code "basic"}, {@code "Hobby"}); Slipway does not use it
 */
public record ProcessFormation(Optional<Integer> quantity, Optional<String> size) {

    public ProcessFormation {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(size, "size");
    }
}
