package io.slipway.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link TokenTests} against PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresqlProfile.class)
class PostgresqlTokenTests extends TokenTests {}
