package io.slipway.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link RoleTableTests} against PostgreSQL: the token lookup and app scopes there. */
@QuarkusTest
@TestProfile(PostgresqlProfile.class)
class PostgresqlRoleTableTests extends RoleTableTests {}
