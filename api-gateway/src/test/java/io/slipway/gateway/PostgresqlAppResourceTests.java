package io.slipway.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AppResourceTests} against PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresqlProfile.class)
class PostgresqlAppResourceTests extends AppResourceTests {}
