package com.tierpoint.gateway.sandbox;

/**
 * An emulated endpoint: its HTTP method, which kind of account's access token it requires (null when it needs
 * none) and what it does.
 */
record Route(String method, Account.Kind tokenKind, Handler handler) {

    @FunctionalInterface
    interface Handler {
        SandboxResponse handle(Call call);
    }

    static Route get(Account.Kind tokenKind, Handler handler) {
        return new Route("GET", tokenKind, handler);
    }

    static Route post(Account.Kind tokenKind, Handler handler) {
        return new Route("POST", tokenKind, handler);
    }
}
