package io.slipway.manifest;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What app.json's {@code env} asks of an app's config, with Heroku's and Dokku's semantics: a variable the app
 * has is never touched; one it lacks gets a generated secret ({@code "generator": "secret"}), else app.json's
 * {@code value}; a {@code required} one (Heroku's default) with neither is missing, and the deployment cannot run.
 */
public final class AppJsonEnv {

    /** The one generator Heroku defines. */
    public static final String SECRET_GENERATOR = "secret";

    /** What a shell, and so the config API, accepts as a variable name. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AppJsonEnv() {}

    /**
     * @param added the variables to add to the app's config, in app.json's order: defaults and generated secrets
     * @param generated the names in {@code added} whose value was generated
     * @param missing the required variables that have no value, sorted
     * @param ignored names that are no variable names, which no config can hold, sorted
     */
    public record Resolution(
            Map<String, String> added, Set<String> generated, List<String> missing, List<String> ignored) {

        public Resolution {
            added = OrderedMaps.copyOf(added);
            generated = Set.copyOf(generated);
            missing = List.copyOf(missing);
            ignored = List.copyOf(ignored);
        }
    }

    /** {@link #resolve(Map, Map, Supplier)} with {@link #randomSecret()}. */
    public static Resolution resolve(Map<String, EnvVar> env, Map<String, String> config) {
        return resolve(env, config, AppJsonEnv::randomSecret);
    }

    /**
     * @param config the app's config as it stands; nothing in it is ever changed
     * @param secrets makes a value for each variable that asks for a generated one
     */
    public static Resolution resolve(Map<String, EnvVar> env, Map<String, String> config, Supplier<String> secrets) {
        Objects.requireNonNull(config, "config");
        Map<String, String> added = new LinkedHashMap<>();
        Set<String> generated = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        Set<String> ignored = new TreeSet<>();
        env.forEach((name, variable) -> {
            if (!VARIABLE_NAME.matcher(name).matches()) {
                ignored.add(name);
            } else if (config.containsKey(name)) {
                // The operator's value, or one kept from an earlier deployment: never overwritten.
            } else if (variable.generator().filter(SECRET_GENERATOR::equals).isPresent()) {
                added.put(name, secrets.get());
                generated.add(name);
            } else if (variable.value().isPresent()) {
                added.put(name, variable.value().get());
            } else if (variable.required()) {
                missing.add(name);
            }
        });
        return new Resolution(added, generated, new ArrayList<>(missing), new ArrayList<>(ignored));
    }

    /** 64 hexadecimal digits of a cryptographically strong random number, as Heroku's generator gives. */
    public static String randomSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
