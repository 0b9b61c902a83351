package io.slipway.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.config.EngineConfig;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;
import io.smallrye.config.common.utils.StringUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/configuration.md}, the one configuration reference, in step with the configuration mappings the
 * gateway runs with (its own and the embedded engine's): every {@code SLIPWAY_} variable they define has exactly one
 * row, no row names a variable they do not define, and a row's default is the mapping's {@code @WithDefault}.
 */
class ConfigurationReferenceTests {

    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
    private static final List<Class<?>> MAPPINGS =
            List.of(GatewayConfig.class, WebhookConfig.class, EngineConfig.class);
    private static final Pattern VARIABLE = Pattern.compile("`(SLIPWAY_[A-Z0-9_*]+)`");

    @Test
    void everyVariableOfTheMappingsHasOneRowAndEveryRowNamesOneOfThem() throws IOException {
        Map<String, String> documented = documentedDefaults(Files.readString(REFERENCE));

        assertThat(differences(documented.keySet(), mappedVariables().keySet()))
                .as("variables of docs/configuration.md against the config mappings")
                .isEmpty();
    }

    @Test
    void eachDocumentedDefaultIsTheMappingsDefault() throws IOException {
        Map<String, String> documented = documentedDefaults(Files.readString(REFERENCE));
        Map<String, String> wrong = new TreeMap<>();
        mappedVariables()
                .forEach((variable, mappedDefault) -> mappedDefault.ifPresent(value -> {
                    String expected = "`" + value + "`";
                    String written = documented.get(variable);
                    if (written != null && !written.equals(expected)) {
                        wrong.put(variable, "the doc says " + written + ", the mapping " + expected);
                    }
                }));

        assertThat(wrong).as("defaults of docs/configuration.md").isEmpty();
    }

    @Test
    void aVariableMissingFromTheReferenceIsNamed() throws IOException {
        String reference = Files.readString(REFERENCE);
        String withoutARow = reference
                .lines()
                .filter(line -> !line.startsWith("| `SLIPWAY_PIPELINE_WAIT_TO_RETIRE`"))
                .collect(Collectors.joining("\n"));

        assertThat(differences(
                        documentedDefaults(withoutARow).keySet(),
                        mappedVariables().keySet()))
                .contains("not in the doc: SLIPWAY_PIPELINE_WAIT_TO_RETIRE");
    }

    @Test
    void aRowOfAnUnknownVariableOrASecondRowOfOneIsNamed() {
        String reference = """
                | variable | meaning | default |
                | --- | --- | --- |
                | `SLIPWAY_TASK_TIMEOUT` | a task's timeout | `10m` |
                | `SLIPWAY_TASK_TIMEOUT` | said twice | `10m` |
                | `SLIPWAY_NO_SUCH_SETTING` | nothing reads it | `1` |
                """;

        assertThat(documentedDefaultsOrProblems(reference).problems())
                .containsExactly("SLIPWAY_TASK_TIMEOUT has more than one row");
        assertThat(differences(
                        documentedDefaultsOrProblems(reference).defaults().keySet(), Set.of("SLIPWAY_TASK_TIMEOUT")))
                .containsExactly("not in the mappings: SLIPWAY_NO_SUCH_SETTING");
    }

    @Test
    void propertyNamesBecomeTheirEnvironmentVariables() {
        assertThat(environmentVariable("slipway.pipeline.wait-to-retire")).isEqualTo("SLIPWAY_PIPELINE_WAIT_TO_RETIRE");
        assertThat(environmentVariable("slipway.api-token")).isEqualTo("SLIPWAY_API_TOKEN");
        assertThat(environmentVariable("slipway.limits.*")).isEqualTo("SLIPWAY_LIMITS_*");
        assertThat(environmentVariable("slipway.hooks[*].url")).isEqualTo("SLIPWAY_HOOKS_*__URL");
    }

    /** Each variable the mappings define, with its {@code @WithDefault} when it has one. */
    private static Map<String, Optional<String>> mappedVariables() {
        Map<String, Optional<String>> variables = new TreeMap<>();
        for (Class<?> mapping : MAPPINGS) {
            // Every value the mapping holds, by its full name, groups already walked.
            ConfigMappings.getProperties(ConfigClass.configClass(mapping)).forEach((name, property) -> {
                Optional<String> mappedDefault =
                        property.hasDefaultValue() ? Optional.of(property.getDefaultValue()) : Optional.empty();
                Optional<String> other =
                        variables.putIfAbsent(environmentVariable(oneValueOrList(name)), mappedDefault);
                assertThat(other == null || other.equals(mappedDefault))
                        .as("%s is defined twice with different defaults (%s, %s)", name, other, mappedDefault)
                        .isTrue();
            });
        }
        return variables;
    }

    /**
     * A list of values is one variable, its values comma-separated: SmallRye names {@code slipway.pipeline.shell}
     * and {@code slipway.pipeline.shell[*]}, both {@code SLIPWAY_PIPELINE_SHELL}.
     */
    private static String oneValueOrList(String propertyName) {
        return propertyName.endsWith("[*]") ? propertyName.substring(0, propertyName.length() - 3) : propertyName;
    }

    /**
     * SmallRye's own rule (every character but a letter or digit becomes {@code _}, upper case); a map key or list
     * index, {@code *} in the mapping's names, stays {@code *}: {@code slipway.limits.*} is {@code SLIPWAY_LIMITS_*}.
     */
    static String environmentVariable(String propertyName) {
        return Arrays.stream(propertyName.split("\\*", -1))
                .map(StringUtil::replaceNonAlphanumericByUnderscores)
                .collect(Collectors.joining("*"))
                .toUpperCase(Locale.ROOT);
    }

    private static List<String> differences(Set<String> documented, Set<String> mapped) {
        List<String> differences = new ArrayList<>();
        new TreeSet<>(mapped)
                .stream()
                        .filter(variable -> !documented.contains(variable))
                        .forEach(variable -> differences.add("not in the doc: " + variable));
        new TreeSet<>(documented)
                .stream()
                        .filter(variable -> !mapped.contains(variable))
                        .forEach(variable -> differences.add("not in the mappings: " + variable));
        return differences;
    }

    private static Map<String, String> documentedDefaults(String reference) {
        Documented documented = documentedDefaultsOrProblems(reference);
        assertThat(documented.problems()).as("rows of docs/configuration.md").isEmpty();
        return documented.defaults();
    }

    /**
     * The {@code SLIPWAY_} variables of the reference's tables, each from the first cell of its row (one a row), with
     * the row's last cell, its default, as written.
     */
    private static Documented documentedDefaultsOrProblems(String reference) {
        Map<String, String> defaults = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        reference.lines().filter(line -> line.startsWith("|")).forEach(row -> {
            String[] cells = row.substring(1).split("(?<!\\\\)\\|");
            List<String> variables = matches(VARIABLE, cells[0]);
            if (variables.size() > 1) {
                problems.add("one variable a row: " + row);
            } else if (variables.size() == 1
                    && defaults.put(variables.get(0), cells[cells.length - 1].strip()) != null) {
                problems.add(variables.get(0) + " has more than one row");
            }
        });
        return new Documented(defaults, problems);
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private record Documented(Map<String, String> defaults, List<String> problems) {}
}
