package io.slipway.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: requests leave at a fixed rate whatever the answers do, and each
 * latency counts from when its request was due, so a stall shows in the percentiles instead of
 * silently lowering the rate.
 */
final class FixedRateLoad {

    record Result(Samples latencies, int failures) {}

    private FixedRateLoad() {}

    static Result run(HttpClient http, HttpRequest request, int perSecond, Duration length) {
        Samples latencies = new Samples();
        AtomicInteger failures = new AtomicInteger();
        long count = perSecond * length.toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                        if (error != null || response.statusCode() != 200) {
                            failures.incrementAndGet();
                        } else {
                            latencies.add((System.nanoTime() - due) / 1e6);
                        }
                        return null;
                    }));
        }
        // A gateway that cannot keep up leaves requests unanswered: after a minute they count as failures.
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            pending.stream().filter(call -> !call.isDone()).forEach(call -> {
                call.cancel(true);
                failures.incrementAndGet();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new Result(latencies, failures.get());
    }
}
