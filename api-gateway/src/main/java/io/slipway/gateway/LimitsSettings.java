package io.slipway.gateway;

import io.slipway.contract.AppLimits;
import io.slipway.contract.Limits;
import io.slipway.manifest.ProcessTypes;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app's limits as {@code PATCH /api/v1/apps/{app}} takes them and the app view shows them:
 * {@code {"task": {"memory": "256m", "cpus": 0.5}, "processes": {"web": {"memory": "512m", "cpus": 1}}}}.
 *
 * @param task every task container's (predeploy, release, postdeploy); null for none
 * @param processes each process type's containers'; a type not named has none
 */
public record LimitsSettings(ContainerLimits task, Map<String, ContainerLimits> processes) {

    static final int MAX_PROCESS_TYPES = 100;

    /** @throws InvalidRequestException naming the first field that is wrong */
    public LimitsSettings {
        Map<String, ContainerLimits> types = new TreeMap<>();
        if (processes != null) {
            if (processes.size() > MAX_PROCESS_TYPES) {
                throw new InvalidRequestException("limits.processes: at most " + MAX_PROCESS_TYPES + " process types");
            }
            processes.forEach((type, limits) -> {
                if (!ProcessTypes.isName(type)) {
                    throw new InvalidRequestException("limits.processes." + type + ": not a process type");
                }
                if (limits != null) {
                    types.put(type, limits);
                }
            });
        }
        processes = types;
    }

    public AppLimits toEngine() {
        Map<String, Limits> types = new TreeMap<>();
        processes.forEach((type, limits) -> types.put(type, limits.toEngine()));
        return new AppLimits(task == null ? Limits.NONE : task.toEngine(), types);
    }

    /** Null when the app has no limits. */
    public static LimitsSettings of(AppLimits limits) {
        if (limits.isNone()) {
            return null;
        }
        Map<String, ContainerLimits> types = new TreeMap<>();
        limits.processes().forEach((type, process) -> types.put(type, ContainerLimits.of(process)));
        return new LimitsSettings(limits.task().isNone() ? null : ContainerLimits.of(limits.task()), types);
    }

    /**
     * One container's limits.
     *
     * @param memory bytes, or with a unit: {@code 512k}, {@code 256m}, {@code 2g}; from 6m (the engines' least) to
     *     1024g; null for no limit
     * @param cpus CPUs, from 0.01 to 1024 (a fraction is a share of one CPU's time); null for no limit
     */
    public record ContainerLimits(String memory, BigDecimal cpus) {

        private static final Pattern MEMORY = Pattern.compile("([0-9]{1,16})([bkmg]?)");
        private static final long MIN_MEMORY = 6L << 20;
        private static final long MAX_MEMORY = 1024L << 30;
        private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);
        private static final BigDecimal MIN_CPUS = new BigDecimal("0.01");
        private static final BigDecimal MAX_CPUS = BigDecimal.valueOf(1024);

        /** @throws InvalidRequestException when a value is malformed or out of bounds */
        public ContainerLimits {
            if (memory != null) {
                long bytes = bytes(memory);
                if (bytes < MIN_MEMORY || bytes > MAX_MEMORY) {
                    throw new InvalidRequestException("memory: from 6m to 1024g, not " + memory);
                }
                memory = format(bytes);
            }
            if (cpus != null) {
                if (cpus.compareTo(MIN_CPUS) < 0 || cpus.compareTo(MAX_CPUS) > 0) {
                    throw new InvalidRequestException("cpus: from 0.01 to 1024, not " + cpus.toPlainString());
                }
                cpus = cpus.stripTrailingZeros();
            }
        }

        Limits toEngine() {
            return new Limits(
                    Optional.ofNullable(memory).map(ContainerLimits::bytes),
                    Optional.ofNullable(cpus).map(value -> value.multiply(NANOS).longValue()));
        }

        static ContainerLimits of(Limits limits) {
            return new ContainerLimits(
                    limits.memoryBytes().map(ContainerLimits::format).orElse(null),
                    limits.nanoCpus()
                            .map(nanos -> BigDecimal.valueOf(nanos).divide(NANOS))
                            .orElse(null));
        }

        private static long bytes(String memory) {
            Matcher parts = MEMORY.matcher(memory.strip().toLowerCase(Locale.ROOT));
            if (!parts.matches()) {
                throw new InvalidRequestException("memory: a number of bytes with k, m or g, like 256m, not " + memory);
            }
            long shift = switch (parts.group(2)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            long number = Long.parseLong(parts.group(1));
            // Anything this large is out of bounds; shifting it would overflow.
            return number > (Long.MAX_VALUE >> 30) ? Long.MAX_VALUE : number << shift;
        }

        /** The largest unit that writes {@code bytes} exactly. */
        private static String format(long bytes) {
            for (String unit : new String[] {"g", "m", "k"}) {
                int shift = unit.equals("g") ? 30 : unit.equals("m") ? 20 : 10;
                if (bytes % (1L << shift) == 0) {
                    return (bytes >> shift) + unit;
                }
            }
            return Long.toString(bytes);
        }
    }
}
