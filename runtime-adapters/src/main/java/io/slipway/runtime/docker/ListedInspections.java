package io.slipway.runtime.docker;

import com.github.dockerjava.api.model.Container;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.EngineUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listings with inspections ({@link io.slipway.runtime.ContainerRuntime#listInspected}): one list call, and an
 * inspection of each container whose last inspection no longer holds, so that a report of many long-running
 * containers costs the list alone.
 *
 * <p>Whether it holds is read from the listing. Both engines' listings say in words how long a running container
 * has been up ({@code Up 3 minutes}, {@code Up 2 hours (healthy)}): from two minutes on, the words are in minutes or
 * longer units, while a container that restarted since a listing less than a minute ago would be listed in seconds.
 * So a running container listed in the same words as at its last listing, less than a minute ago, when it had
 * already been up for two minutes, has not restarted since: its restart count, start and exit are what its last
 * inspection said. Any other container is inspected again: a young one, a stopped or restarting one, one listed in
 * other words, one not listed for a minute.
 */
final class ListedInspections {

    private static final Logger LOG = LoggerFactory.getLogger(ListedInspections.class);

    /** How long a container must have been up when last listed for its listing's words to be in minutes or more. */
    static final Duration SETTLED = Duration.ofMinutes(2);
    /** How recent the last listing must be: a container restarted since is younger, and listed in seconds. */
    static final Duration RECENT = Duration.ofMinutes(1);

    /** A container's last inspection, and its last listing's words and time. */
    record Last(ContainerInfo inspected, String listing, Instant listedAt) {

        boolean holdsFor(String listingNow, Instant now) {
            return listing.equals(listingNow)
                    && inspected.state() == ContainerState.RUNNING
                    && listedAt.isAfter(now.minus(RECENT))
                    && inspected
                            .startedAt()
                            .filter(started -> !started.isAfter(listedAt.minus(SETTLED)))
                            .isPresent();
        }
    }

    private final Map<String, Last> last = new ConcurrentHashMap<>();
    private final Containers containers;

    ListedInspections(Containers containers) {
        this.containers = containers;
    }

    /** The containers carrying all of the labels; the address is the listed one when the list names it. */
    List<ContainerInfo> list(Map<String, String> labels) {
        Instant now = Instant.now();
        List<Container> listed = containers.listed(labels);
        List<ContainerInfo> described =
                listed.stream().map(container -> describe(container, now)).toList();
        last.keySet().retainAll(listed.stream().map(Container::getId).collect(Collectors.toSet()));
        return described;
    }

    private ContainerInfo describe(Container container, Instant now) {
        String id = container.getId();
        String listing = container.getState() + " " + container.getStatus();
        ContainerInfo listed = containers.infoOf(container);
        Last previous = last.get(id);
        Optional<ContainerInfo> inspected = previous != null && previous.holdsFor(listing, now)
                ? Optional.of(previous.inspected())
                : inspectNow(id);
        // One gone since the list, or not inspected this time, is described as listed.
        inspected.ifPresent(info -> last.put(id, new Last(info, listing, now)));
        return inspected.map(info -> info.withAddressOf(listed)).orElse(listed);
    }

    /**
     * Podman may refuse to inspect a container whose process is ending at that moment ({@code read /proc/N/cgroup: no
     * such process}, a crash-looping one in particular): one refused inspection must not cost the whole listing, so
     * that container is described as listed this time. An engine that does not answer fails the listing.
     */
    private Optional<ContainerInfo> inspectNow(String id) {
        try {
            return containers.inspect(id);
        } catch (EngineUnavailableException e) {
            throw e;
        } catch (ContainerRuntimeException e) {
            LOG.debug("Container {} described as listed: {}", id, e.getMessage());
            return Optional.empty();
        }
    }
}
