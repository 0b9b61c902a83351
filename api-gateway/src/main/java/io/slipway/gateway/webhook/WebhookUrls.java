package io.slipway.gateway.webhook;

import io.slipway.gateway.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What a webhook URL may be: absolute {@code http} or {@code https} with a host, at most 2048 characters, and no host
 * the {@link WebhookAddressPolicy} refuses on sight (for early feedback; each delivery checks the resolved address).
 */
final class WebhookUrls {

    static final int MAX_LENGTH = 2048;

    private WebhookUrls() {}

    /** @throws InvalidRequestException naming what is wrong */
    static String check(String url, WebhookAddressPolicy policy) {
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException("url: a webhook URL is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidRequestException("url: at most " + MAX_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidRequestException("url: only http and https URLs receive webhooks");
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new InvalidRequestException("url: an http or https URL with a host and no user information");
            }
            policy.refusalOfHost(uri.getHost()).ifPresent(refusal -> {
                throw new InvalidRequestException("url: " + refusal);
            });
            return url;
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("url: not a URL: " + e.getReason());
        }
    }
}
