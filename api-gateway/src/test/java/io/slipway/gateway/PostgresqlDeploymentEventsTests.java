package io.slipway.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link DeploymentEventsTests} against PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresqlProfile.class)
class PostgresqlDeploymentEventsTests extends DeploymentEventsTests {}
