package com.tierpoint.bench;

import java.time.Duration;

/** Where the services are, from the environment (bench/run.sh sets all of them). */
record Settings(
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        String redisUrl,
        String coreTarget,
        String apiKey,
        String gatewayUrl,
        String sandboxUrl,
        int members,
        Duration warmup) {

    static Settings fromEnvironment() {
        return new Settings(
                env("BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/tierpoint_bench"),
                env("BENCH_DB_USER", "root"),
                env("BENCH_DB_PASSWORD", ""),
                env("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10"),
                env("BENCH_CORE_TARGET", "127.0.0.1:19090"),
                env("BENCH_API_KEY", ""),
                env("BENCH_GATEWAY_URL", "http://127.0.0.1:19080"),
                env("BENCH_SANDBOX_URL", "http://127.0.0.1:19091"),
                Integer.parseInt(env("BENCH_MEMBERS", "100000")),
                Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP_SECONDS", "30"))));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
