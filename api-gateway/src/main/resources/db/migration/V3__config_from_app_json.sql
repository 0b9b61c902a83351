-- The config variables app.json's env set (defaults and generated secrets) and the operator has not changed since.
CREATE TABLE app_config_from_app_json (
    app_name VARCHAR(63)  NOT NULL REFERENCES app (name),
    var_name VARCHAR(255) NOT NULL,
    PRIMARY KEY (app_name, var_name)
);
