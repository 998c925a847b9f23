-- 0005: a second factor at log-in, time-based one-time passwords (RFC 6238).

-- One authenticator per user, written when the first code confirms the enrolment. The secret is
-- shown only on the enrolment page before that; after it no page, export or log shows it again.
CREATE TABLE two_factor_secrets (
    user_id        INTEGER PRIMARY KEY REFERENCES users(id),
    secret         TEXT NOT NULL,                -- base32 of 20 random bytes
    enrolled_at    INTEGER NOT NULL,             -- unix seconds of the confirming first code
    last_used_step INTEGER                       -- newest accepted TOTP step: a code of it or older is refused (replay)
);

-- Ten single-use recovery codes per enrolment, stored as hashes only.
CREATE TABLE two_factor_recovery_codes (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    code_hash  TEXT NOT NULL UNIQUE,             -- hex SHA-256 of the normalised code
    used_at    INTEGER
);
CREATE INDEX two_factor_recovery_codes_user ON two_factor_recovery_codes(user_id);

-- Whether a role must have a second factor. Keyed by the role's name, not limited to today's
-- roles: the partner role of the programme does not exist yet and gets its row now.
-- KvK2: required for those who can change everything (projectleider) or sign (partner).
CREATE TABLE two_factor_policy (
    role      TEXT PRIMARY KEY,
    required  INTEGER NOT NULL CHECK (required IN (0, 1))
);
INSERT INTO two_factor_policy (role, required) VALUES
    ('projectleider', 1),
    ('partner', 1),
    ('ontwikkelgroep', 0),
    ('directeur', 0);

-- The first half of a log-in: the password was right, the code is still to come. The browser
-- holds a random id in a cookie; only its SHA-256 is stored. It lives five minutes.
CREATE TABLE pending_logins (
    id_hash     TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    next        TEXT NOT NULL DEFAULT '/',
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX pending_logins_expiry ON pending_logins(expires_at);
