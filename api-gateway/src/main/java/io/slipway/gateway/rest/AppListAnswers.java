package io.slipway.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.gateway.AppView;
import io.slipway.gateway.Page;
import io.slipway.gateway.PageRequest;
import io.slipway.gateway.service.AppService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app list's pages as written for callers that see every app, kept while what they show is unchanged
 * ({@link AppService.ListSource#showsAs}). Dashboards poll the list hundreds of times a second, and writing its JSON
 * again for each was most of what an answer allocated (379 KB for 70 KB of JSON, 200 apps): the young collections
 * that followed, every 185 ms on the gateway's one core, made the status API's tail. A caller limited to some apps
 * gets its page written for it.
 */
@ApplicationScoped
class AppListAnswers {

    /** Pages asked for in different ways (limit, cursor) kept at once: one more, and the kept ones are dropped. */
    static final int PAGES_KEPT = 8;

    /**
     * A page's items as JSON, and the cursor of the next page when one follows.
     *
     * @param source what the page was made of
     */
    record WrittenPage(AppService.ListSource source, byte[] items, Optional<String> nextBefore) {}

    private final AppService apps;
    private final ObjectMapper json;
    private final Map<PageRequest, WrittenPage> written = new ConcurrentHashMap<>();

    AppListAnswers(AppService apps, ObjectMapper json) {
        this.apps = apps;
        this.json = json;
    }

    /** The page of every app, written once while what it shows is unchanged. */
    WrittenPage everyApp(PageRequest request) {
        AppService.ListSource source = apps.listSource();
        WrittenPage kept = written.get(request);
        if (kept != null && kept.source().showsAs(source)) {
            return kept;
        }
        Page<AppView> page = apps.list(source, request, app -> true);
        WrittenPage writing = new WrittenPage(source, written(page), page.nextBefore());
        if (written.size() >= PAGES_KEPT) {
            written.clear();
        }
        written.put(request, writing);
        return writing;
    }

    private byte[] written(Page<AppView> page) {
        try {
            return json.writeValueAsBytes(page.items());
        } catch (JsonProcessingException e) {
            // The views are records of this gateway: a failure here is its own fault (500), not the request's.
            throw new UncheckedIOException(e);
        }
    }
}
