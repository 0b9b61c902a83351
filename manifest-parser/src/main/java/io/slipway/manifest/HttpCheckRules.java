package io.slipway.manifest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * What a health check may put into the HTTP request the engine sends: the scheme, the path, the port and the
 * headers. They become parts of a request to the container's own address, so each is bounded and none may carry a
 * second URL, a line break or a host: a {@code scheme} of {@code http://127.0.0.1:2019/config/#} must be an error,
 * not a request elsewhere. Each rule answers the problem, or empty when the value is fine.
 */
final class HttpCheckRules {

    static final int MAX_PATH_LENGTH = 2048;
    static final int MAX_PORT = 65535;
    static final int MAX_HEADERS = 32;
    static final int MAX_HEADER_NAME_LENGTH = 256;
    static final int MAX_HEADER_VALUE_LENGTH = 4096;

    /** RFC 9110's {@code tchar}, besides letters and digits. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HttpCheckRules() {}

    static Optional<String> scheme(String scheme) {
        return scheme.equals("http") || scheme.equals("https")
                ? Optional.empty()
                : Optional.of("expected \"http\" or \"https\", found " + Quoted.of(scheme));
    }

    /** An absolute path with an optional query, as it goes into the request line. */
    static Optional<String> path(String path) {
        if (path.length() > MAX_PATH_LENGTH) {
            return Optional.of("at most " + MAX_PATH_LENGTH + " characters, not " + path.length());
        }
        if (!path.startsWith("/") || path.startsWith("//")) {
            // "//host/x" reads as a host in a URL; "health" pasted after an address could make "@host".
            return Optional.of("must start with a single \"/\", found " + Quoted.of(path));
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("no control characters or white space, found one at character " + (i + 1));
            }
        }
        if (path.indexOf('#') >= 0) {
            return Optional.of("no \"#\": a fragment is never sent");
        }
        try {
            new URI(path);
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("not a URL path: " + e.getReason() + " at character " + (e.getIndex() + 1));
        }
    }

    /** The container port checked. */
    static Optional<String> port(int port) {
        return port >= 1 && port <= MAX_PORT
                ? Optional.empty()
                : Optional.of("a port from 1 to " + MAX_PORT + ", not " + port);
    }

    static Optional<String> headerCount(int count) {
        return count <= MAX_HEADERS
                ? Optional.empty()
                : Optional.of("at most " + MAX_HEADERS + " headers, not " + count);
    }

    /** A header name is an HTTP token: it can hold no line break, colon or space. */
    static Optional<String> headerName(String name) {
        if (name.isEmpty() || name.length() > MAX_HEADER_NAME_LENGTH) {
            return Optional.of("a header name of 1 to " + MAX_HEADER_NAME_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || TOKEN_SYMBOLS.indexOf(c) >= 0;
            if (!token) {
                return Optional.of(
                        "a header name holds only letters, digits and " + TOKEN_SYMBOLS + ", found " + Quoted.of(name));
            }
        }
        return Optional.empty();
    }

    /** A header value may hold a tab, but no other control character: no CR or LF that would start a new header. */
    static Optional<String> headerValue(String value) {
        if (value.length() > MAX_HEADER_VALUE_LENGTH) {
            return Optional.of("at most " + MAX_HEADER_VALUE_LENGTH + " characters, not " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                return Optional.of("no control characters (CR, LF…), found one at character " + (i + 1));
            }
        }
        return Optional.empty();
    }
}
