package io.slipway.gateway;

import static io.slipway.gateway.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.slipway.runtime.testing.TestEngines;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** No token value is ever written to the database or the log: every table's every row and every log line is read. */
@QuarkusTest
class NoTokenValueStoredTests {

    @Inject
    DataSource dataSource;

    @Test
    void noTokenValueIsInTheDatabaseOrTheLog() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " "
                        + List.of(record.getParameters() == null ? new Object[0] : record.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        List<String> values = new ArrayList<>(List.of(Api.token()));
        try {
            String app = Api.newApp();
            for (String role : List.of("viewer", "deployer", "admin")) {
                Tokens.Created token = Tokens.create(role, List.of(app));
                values.add(token.value());
                as(token.value()).get("/api/v1/apps/" + app).then().statusCode(200);
                Tokens.asJson(token.value(), Map.of("image", TestEngines.baseImage()))
                        .post("/api/v1/apps/" + app + "/deployments")
                        .then()
                        .statusCode(role.equals("viewer") ? 403 : 202);
                Api.api().delete("/api/v1/tokens/" + token.id()).then().statusCode(204);
                as(token.value()).get("/api/v1/apps/" + app).then().statusCode(401);
            }
        } finally {
            root.removeHandler(capture);
        }

        String database = everyRow();
        assertThat(database).as("the tokens are stored, by their hashes").contains("api_token:");
        for (String value : values) {
            assertThat(database).as("the database").doesNotContain(value);
            assertThat(logged).as("the log").noneMatch(line -> line.contains(value));
        }
    }

    /** Every row of every table of the gateway's schema, as text, each prefixed with its table's name. */
    private String everyRow() throws Exception {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found =
                    connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("select * from \"" + table + "\"")) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        rows.append(table.toLowerCase()).append(':');
                        for (int i = 1; i <= columns; i++) {
                            rows.append(' ').append(row.getString(i));
                        }
                        rows.append('\n');
                    }
                }
            }
        }
        return rows.toString();
    }
}
