package com.tierpoint.gateway.sandbox;

/** A registered mini-program, official account or WeCom corp, and the secret it authenticates with. */
record Account(Kind kind, String appId, String secret) {

    enum Kind {
        MINI_PROGRAM,
        OFFICIAL_ACCOUNT,
        CORP
    }
}
