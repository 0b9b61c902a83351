package io.slipway.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Measured values of one kind: durations in milliseconds, or sizes in MiB. */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    synchronized void add(Duration duration) {
        values.add(duration.toNanos() / 1e6);
    }

    synchronized void add(double value) {
        values.add(value);
    }

    synchronized int size() {
        return values.size();
    }

    synchronized List<Double> values() {
        return List.copyOf(values);
    }

    synchronized double min() {
        return values.stream()
                .mapToDouble(Double::doubleValue)
                .min()
                .orElseThrow(() -> new IllegalStateException("no samples"));
    }

    synchronized double mean() {
        return values.stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow(() -> new IllegalStateException("no samples"));
    }

    double median() {
        return percentile(50);
    }

    /** Nearest-rank percentile; a percentile of nothing is a mistake in the harness. */
    synchronized double percentile(double percent) {
        if (values.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
