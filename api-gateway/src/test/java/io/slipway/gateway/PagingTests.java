package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every list is paged by a cursor: ?limit= and ?before=<id>, with a Link to the next page while more follow. */
@QuarkusTest
class PagingTests {

    private static final Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

    @Inject
    DataSource dataSource;

    @Test
    void deploymentsArePagedNewestFirstBeyondFiveHundred() throws SQLException {
        String app = newApp();
        List<String> stored = new StoredRows(dataSource).deployments(app, 1203, 0);
        List<String> newestFirst = new ArrayList<>(stored);
        Collections.reverse(newestFirst);

        List<String> first = api().get("/api/v1/apps/" + app + "/deployments?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
        assertThat(first).isEqualTo(newestFirst.subList(0, 500));

        assertThat(allPages("/api/v1/apps/" + app + "/deployments?limit=500", "id"))
                .isEqualTo(newestFirst);
    }

    @Test
    void theNextLinkIsRelativeAndCarriesTheLimitAndTheCursor() throws SQLException {
        String app = newApp();
        List<String> stored = new StoredRows(dataSource).deployments(app, 3, 0);

        Response page = api().get("/api/v1/apps/" + app + "/deployments?limit=2");

        assertThat(page.getHeader("Link"))
                .isEqualTo("</api/v1/apps/" + app + "/deployments?limit=2&before=" + stored.get(1) + ">; rel=\"next\"");
        Response last = api().get("/api/v1/apps/" + app + "/deployments?limit=2&before=" + stored.get(1));
        assertThat(last.jsonPath().getList("id")).containsExactly(stored.get(0));
        assertThat(last.getHeader("Link")).isNull();
    }

    @Test
    void appsArePagedFromTheKeptList() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(newApp());
        }
        Collections.reverse(created);

        List<String> firstThree = new ArrayList<>();
        String next = "/api/v1/apps?limit=1";
        for (int i = 0; i < 3; i++) {
            Response page = api().get(next);
            page.then().statusCode(200);
            firstThree.addAll(page.jsonPath().getList("name"));
            next = nextOf(page);
        }
        assertThat(firstThree).isEqualTo(created);
    }

    @Test
    void webhooksAndTheirDeliveriesArePaged() throws SQLException {
        String app = newApp();
        List<String> webhooks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            webhooks.add(json(Map.of("url", "http://127.0.0.1:9/hook-" + i, "secret", "s3cret"))
                    .post("/api/v1/apps/" + app + "/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        assertThat(allPages("/api/v1/apps/" + app + "/webhooks?limit=2", "id"))
                .containsExactlyInAnyOrderElementsOf(webhooks)
                .doesNotHaveDuplicates();

        String webhook = webhooks.get(0);
        StoredRows rows = new StoredRows(dataSource);
        String deployment = rows.deployments(app, 1, 0).get(0);
        List<String> deliveries = new ArrayList<>(rows.deliveries(app, webhook, deployment, 250));
        Collections.reverse(deliveries);

        String path = "/api/v1/apps/" + app + "/webhooks/" + webhook + "/deliveries";
        assertThat(api().get(path).jsonPath().getList("id")).isEqualTo(deliveries.subList(0, 100));
        assertThat(allPages(path + "?limit=60", "id")).isEqualTo(deliveries);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/apps?limit=0",
                "/api/v1/apps?limit=501",
                "/api/v1/apps?limit=abc",
                "/api/v1/apps?before=no-such-app",
                "/api/v1/apps/APP/deployments?limit=-1",
                "/api/v1/apps/APP/deployments?before=no-such-deployment",
                "/api/v1/apps/APP/deployments?before=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "/api/v1/apps/APP/webhooks?limit=9999999999",
            })
    void aMalformedOrUnknownPageIsABadRequest(String path) {
        api().get(path.replace("APP", newApp())).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    /** Follows the Link headers from {@code first} to the last page; at most 100 pages. */
    private static List<Object> allPages(String first, String field) {
        List<Object> items = new ArrayList<>();
        String next = first;
        for (int pages = 0; next != null && pages < 100; pages++) {
            Response page = api().get(next);
            page.then().statusCode(200);
            items.addAll(page.jsonPath().getList(field));
            next = page.getHeader("Link") == null ? null : nextOf(page);
        }
        assertThat(next).as("more than 100 pages").isNull();
        return items;
    }

    private static String nextOf(Response page) {
        Matcher link = NEXT.matcher(page.getHeader("Link"));
        assertThat(link.matches()).as("Link: " + page.getHeader("Link")).isTrue();
        return link.group(1);
    }
}
