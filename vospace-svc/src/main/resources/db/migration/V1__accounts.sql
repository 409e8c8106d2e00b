-- Community accounts and revoked tokens. Written for both H2 (embedded default) and PostgreSQL.
CREATE TABLE accounts (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    community     VARCHAR(255) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    roles         VARCHAR(255) NOT NULL,
    created       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE revoked_tokens (
    jti     VARCHAR(64) NOT NULL PRIMARY KEY,
    expires TIMESTAMP WITH TIME ZONE NOT NULL
);
