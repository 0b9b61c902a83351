package io.slipway.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link CronTests} against PostgreSQL: the claim row's unique key and the release's transaction there. */
@QuarkusTest
@TestProfile(PostgresqlProfile.class)
class PostgresqlCronTests extends CronTests {}
