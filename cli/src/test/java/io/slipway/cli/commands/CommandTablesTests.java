package io.slipway.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.cli.api.AuditEntry;
import io.slipway.cli.api.CronEntry;
import io.slipway.cli.api.Run;
import io.slipway.cli.api.Token;
import io.slipway.cli.output.Style;
import io.slipway.cli.output.Times;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTablesTests {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    private final Times times = new Times(ZoneOffset.UTC);
    private final Style plain = new Style(false);

    @Test
    void tokensShowTheirAppsOrAllAndNeverAValue() {
        String text = Tokens.table(
                        List.of(
                                new Token(
                                        "t1",
                                        "ci",
                                        "deployer",
                                        List.of("shop", "blog"),
                                        AT,
                                        "root",
                                        null,
                                        null,
                                        "secret-value"),
                                new Token("t2", "ops", "admin", null, AT, "root", null, AT, null)),
                        times)
                .render(plain);

        assertThat(text)
                .isEqualTo("ID  NAME  ROLE      APPS       CREATED              EXPIRES  REVOKED\n"
                        + "t1  ci    deployer  shop,blog  2026-01-02 03:04:05\n"
                        + "t2  ops   admin     all        2026-01-02 03:04:05           2026-01-02 03:04:05\n");
        assertThat(text).doesNotContain("secret-value");
    }

    @Test
    void auditEntriesShowTheOutcomeWithItsStatus() {
        String text = Audit.table(
                        List.of(
                                new AuditEntry(
                                        "a1",
                                        AT,
                                        "ci",
                                        "deployer",
                                        "POST /api/v1/apps/{app}/restart",
                                        "shop",
                                        "d9",
                                        "succeeded",
                                        202),
                                new AuditEntry(
                                        "a2", AT, null, null, "GET /api/v1/tokens", null, null, "refused", null)),
                        times)
                .render(plain);

        assertThat(text.lines().toList())
                .containsExactly(
                        "AT                   ACTOR  ROLE      ACTION                           APP   TARGET  OUTCOME",
                        "2026-01-02 03:04:05  ci     deployer  POST /api/v1/apps/{app}/restart  shop  d9"
                                + "      succeeded (202)",
                        "2026-01-02 03:04:05                   GET /api/v1/tokens                             refused");
    }

    @Test
    void cronEntriesShowTheirStateNextRunAndLastRun() {
        String text = Cron.table(
                        List.of(
                                new CronEntry(
                                        "c1",
                                        "rake cleanup",
                                        "@daily",
                                        "forbid",
                                        false,
                                        AT,
                                        new Run("r1", "shop", "rake cleanup", "SUCCEEDED", 0, AT, AT, null)),
                                new CronEntry("c2", "echo hi", "*/5 * * * *", "allow", true, null, null)),
                        times)
                .render(plain);

        assertThat(text.lines().toList())
                .containsExactly(
                        "ID  SCHEDULE     POLICY  STATE      NEXT RUN             LAST RUN      COMMAND",
                        "c1  @daily       forbid  active     2026-01-02 03:04:05  SUCCEEDED r1  rake cleanup",
                        "c2  */5 * * * *  allow   suspended                                     echo hi");
    }
}
