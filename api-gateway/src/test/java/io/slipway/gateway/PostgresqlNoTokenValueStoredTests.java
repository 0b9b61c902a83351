package io.slipway.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link NoTokenValueStoredTests} against PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresqlProfile.class)
class PostgresqlNoTokenValueStoredTests extends NoTokenValueStoredTests {}
