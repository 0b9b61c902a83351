package io.slipway.gateway.service;

import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.audit.AuditLog;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An app's config variables and the rules they follow. They are stored here and take effect at the app's next
 * deployment. Config values are secrets: nothing here logs them. Methods answer empty when the app does not exist.
 */
@ApplicationScoped
public class AppConfigService {

    /** What a shell accepts as a variable name. */
    private static final Pattern CONFIG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final int MAX_CONFIG_NAME = App.MAX_NAME_LENGTH;
    private static final int MAX_CONFIG_VALUE = App.MAX_VALUE_LENGTH;
    /** Every variable goes into every container's environment, and into every deploy request. */
    private static final int MAX_CONFIG_VARIABLES = 500;

    private final AppRepository apps;
    private final AuditLog audit;

    public AppConfigService(AppRepository apps, AuditLog audit) {
        this.apps = apps;
        this.audit = audit;
    }

    @Transactional
    public Optional<Map<String, String>> of(String name) {
        return apps.findByIdOptional(name).map(App::config);
    }

    /** Where each variable came from: {@code app.json} (its env, not changed since) or {@code operator}. */
    @Transactional
    public Optional<Map<String, String>> sources(String name) {
        return apps.findByIdOptional(name).map(App::configSources);
    }

    /** PUT: the variables become exactly {@code variables}. */
    @Transactional
    public Optional<Map<String, String>> replace(String name, Map<String, String> variables) {
        checkConfig(variables, false);
        return apps.findByIdOptional(name).map(app -> {
            app.replaceConfig(variables);
            audit.recordChange(name, null);
            return app.config();
        });
    }

    /** PATCH, as a JSON merge patch: given variables are set, those given as {@code null} removed. */
    @Transactional
    public Optional<Map<String, String>> merge(String name, Map<String, String> changes) {
        checkConfig(changes, true);
        return apps.findByIdOptional(name).map(app -> {
            app.mergeConfig(changes);
            // Thrown inside the transaction, so that the merge is rolled back.
            checkConfigCount(app.config());
            audit.recordChange(name, null);
            return app.config();
        });
    }

    private static void checkConfig(Map<String, String> variables, boolean nullRemoves) {
        if (variables == null) {
            throw new InvalidRequestException("a JSON object of variable names to values is required");
        }
        checkConfigCount(variables);
        variables.forEach((key, value) -> {
            if (!CONFIG_NAME.matcher(key).matches()) {
                throw new InvalidRequestException(
                        key + ": a variable name is letters, digits and '_', not starting with a digit");
            }
            if (key.length() > MAX_CONFIG_NAME) {
                throw new InvalidRequestException(
                        key.substring(0, 32) + "...: a variable name has at most " + MAX_CONFIG_NAME + " characters");
            }
            // No environment can hold a NUL, and the engine's refusal would quote the value.
            if (value != null && value.indexOf('\0') >= 0) {
                throw new InvalidRequestException(key + ": a value cannot contain the NUL character (\\u0000)");
            }
            if (value == null && !nullRemoves) {
                throw new InvalidRequestException(
                        key + ": a value is required (PATCH removes a variable given as null)");
            }
            if (value != null && value.length() > MAX_CONFIG_VALUE) {
                throw new InvalidRequestException(key + ": a value has at most " + MAX_CONFIG_VALUE + " characters");
            }
        });
    }

    private static void checkConfigCount(Map<String, String> variables) {
        if (variables.size() > MAX_CONFIG_VARIABLES) {
            throw new InvalidRequestException(
                    "an app has at most " + MAX_CONFIG_VARIABLES + " config variables, not " + variables.size());
        }
    }
}
