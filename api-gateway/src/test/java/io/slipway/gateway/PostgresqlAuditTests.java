package io.slipway.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AuditTests} against PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresqlProfile.class)
class PostgresqlAuditTests extends AuditTests {}
