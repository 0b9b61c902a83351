package io.slipway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many clients follow one app's logs at once ({@code GET /apps/{app}/logs}): how much the gateway's resident memory
 * grows while they do, and whether every follower received every line the app printed while all of them were
 * connected, each once, and every line from its first on (a fifth of them ask for a tail of 5 to 24 lines). The app's
 * web process prints a numbered line five times a second.
 */
final class LogFollowersScenario {

    static final String APP = "bench-followers";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(500);

    /**
     * @param baselineMiB the gateway's RSS with the app running and nobody following
     * @param peakMiB the largest RSS seen while every follower was connected
     * @param commonLines how many numbered lines every follower should have seen (printed while all were connected)
     * @param incomplete followers that missed one of those lines, or one after their own first, or saw one twice
     */
    record Result(int followers, double baselineMiB, double peakMiB, int commonLines, int incomplete) {

        double growthMiB() {
            return peakMiB - baselineMiB;
        }
    }

    private final Gateway gateway;
    private final SlipwayApi api;

    LogFollowersScenario(Gateway gateway, SlipwayApi api) {
        this.gateway = gateway;
        this.api = api;
    }

    Result run(int count, Duration following) {
        api.createApp(APP);
        api.deploySucceeding(APP, BenchApp.TICKER_IMAGE);
        double baseline = medianResident(5);

        List<Follower> followers = new ArrayList<>();
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Most follow from now on; every fifth asks for a tail too, which the engine hands over to the live lines.
            int tail = i % 5 == 0 ? 5 + (i / 5) % 20 : 0;
            HttpRequest request = HttpRequest.newBuilder(
                            api.uri("/api/v1/apps/" + APP + "/logs?tail=" + tail + "&follow=true"))
                    .header("Authorization", "Bearer " + Gateway.TOKEN)
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build();
            Follower follower = new Follower();
            followers.add(follower);
            answers.add(api.http().sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(follower)));
        }
        awaitConnected(followers);
        BenchMain.progress("log followers: " + count + " connected");

        double peak = baseline;
        long end = System.nanoTime() + following.toNanos();
        while (System.nanoTime() < end) {
            peak = Math.max(peak, gateway.residentMiB());
            EngineFloor.sleep(SAMPLE_EVERY);
        }
        followers.forEach(Follower::stop);
        answers.forEach(answer -> answer.cancel(true));

        int from = followers.stream().mapToInt(Follower::first).max().orElse(0);
        int to = followers.stream().mapToInt(Follower::last).min().orElse(-1);
        int incomplete = (int) followers.stream()
                // From its own first line on: a follower with a tail saw the lines before the others' first ones too.
                .filter(follower -> follower.duplicates() > 0 || !follower.sawAll(follower.first(), to))
                .count();
        return new Result(count, baseline, peak, Math.max(0, to - from + 1), incomplete);
    }

    private void awaitConnected(List<Follower> followers) {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (followers.stream().anyMatch(follower -> follower.first() < 0)) {
            if (System.nanoTime() > deadline) {
                long waiting = followers.stream().filter(f -> f.first() < 0).count();
                throw new IllegalStateException(waiting + " log followers saw no line within " + CONNECT_TIMEOUT);
            }
            EngineFloor.sleep(Duration.ofMillis(100));
        }
    }

    private double medianResident(int samples) {
        Samples resident = new Samples();
        for (int i = 0; i < samples; i++) {
            resident.add(gateway.residentMiB());
            EngineFloor.sleep(SAMPLE_EVERY);
        }
        return resident.median();
    }

    /** One SSE client: the numbers of the {@code tick N} lines it received. */
    private static final class Follower implements Flow.Subscriber<String> {

        private final BitSet seen = new BitSet();
        private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        private int first = -1;
        private int last = -1;
        private int duplicates;

        @Override
        public void onSubscribe(Flow.Subscription value) {
            subscription.set(value);
            value.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(String line) {
            if (!line.startsWith("data:")) {
                return;
            }
            JsonNode event = SlipwayApi.read(line.substring(5).strip());
            String text = event.path("line").asText("");
            if (!text.startsWith("tick ")) {
                return;
            }
            int number = Integer.parseInt(text.substring(5).strip());
            if (seen.get(number)) {
                duplicates++;
            }
            seen.set(number);
            first = first < 0 ? number : Math.min(first, number);
            last = Math.max(last, number);
        }

        @Override
        public void onError(Throwable error) {
            // A cancelled stream ends here too; what it received is what counts.
        }

        @Override
        public void onComplete() {}

        synchronized int first() {
            return first;
        }

        synchronized int last() {
            return last;
        }

        synchronized int duplicates() {
            return duplicates;
        }

        synchronized boolean sawAll(int from, int to) {
            return to < from || seen.get(from, to + 1).cardinality() == to - from + 1;
        }

        void stop() {
            Flow.Subscription value = subscription.get();
            if (value != null) {
                value.cancel();
            }
        }
    }
}
