-- Webhooks per app, and the outbox of their deliveries: a delivery is stored in the transaction that stores the
-- deployment event it reports, and sent afterwards, so that none is lost to a restart.
CREATE TABLE webhook (
    id         VARCHAR(36)                 NOT NULL PRIMARY KEY,
    app_name   VARCHAR(63)                 NOT NULL REFERENCES app (name),
    url        VARCHAR(2048)               NOT NULL,
    secret     VARCHAR(256)                NOT NULL,
    events     VARCHAR(256)                NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- webhook_id is NULL for the global default webhook (SLIPWAY_WEBHOOK_URL).
CREATE TABLE webhook_delivery (
    id              VARCHAR(36)                 NOT NULL PRIMARY KEY,
    webhook_id      VARCHAR(36),
    app_name        VARCHAR(63)                 NOT NULL,
    deployment_id   VARCHAR(36)                 NOT NULL,
    event           VARCHAR(32)                 NOT NULL,
    url             VARCHAR(2048)               NOT NULL,
    payload         VARCHAR(1048576)            NOT NULL,
    status          VARCHAR(16)                 NOT NULL,
    attempts        INTEGER                     NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_of_webhook ON webhook_delivery (webhook_id, created_at);

CREATE TABLE webhook_delivery_attempt (
    delivery_id  VARCHAR(36)                 NOT NULL REFERENCES webhook_delivery (id),
    attempt      INTEGER                     NOT NULL,
    attempted_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status_code  INTEGER,
    error        VARCHAR(1024),
    PRIMARY KEY (delivery_id, attempt)
);
