package com.tierpoint.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The load generator behind bench/run.sh.
 *
 * <pre>
 * java -jar bench.jar seed
 * java -jar bench.jar SCENARIO[,SCENARIO...] [--concurrency N] [--seconds S]
 * </pre>
 *
 * Scenarios: earn, redeem-hot, get-member, record-order, gateway-me, raw-earn, raw-redeem-hot,
 * raw-get, or all; and the floors floor-earn and floor-earn-ledger ({@link FloorEarn}, not part
 * of all). Each core scenario and floor runs its raw baseline right after it, at the same
 * concurrency, in the same invocation. One JSON line per scenario on stdout.
 */
public final class Bench {

    static final List<String> CORE = List.of("earn", "redeem-hot", "get-member", "record-order", "gateway-me");
    /** The baseline each core scenario is compared with. */
    static final Map<String, String> BASELINE = Map.of(
            "earn", "raw-earn",
            "redeem-hot", "raw-redeem-hot",
            "get-member", "raw-get",
            "record-order", "raw-earn",
            "gateway-me", "raw-get",
            "floor-earn", "raw-earn",
            "floor-earn-ledger", "raw-earn");

    static final Map<String, Integer> DEFAULT_CONCURRENCY = Map.of(
            "earn", 32,
            "redeem-hot", 64,
            "get-member", 32,
            "record-order", 32,
            "gateway-me", 32,
            "floor-earn", 32,
            "floor-earn-ledger", 32);

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bench.jar seed | SCENARIO[,SCENARIO...]|all [--concurrency N] [--seconds S]");
            System.exit(2);
        }
        Settings s = Settings.fromEnvironment();
        if (args[0].equals("seed")) {
            Seeding.seed(s);
            return;
        }
        Integer concurrency = null;
        int seconds = 10;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> plan = plan(args[0]);
        Duration window = Duration.ofSeconds(seconds);
        try (CoreScenarios core = new CoreScenarios(s)) {
            for (String scenario : plan) {
                int c = concurrency != null
                        ? concurrency
                        : DEFAULT_CONCURRENCY.getOrDefault(scenario, DEFAULT_CONCURRENCY.get(coreOf(scenario)));
                Result r =
                        switch (scenario) {
                            case "earn" -> core.earn(c, window);
                            case "redeem-hot" -> core.redeemHot(c, window);
                            case "get-member" -> core.getMember(c, window);
                            case "record-order" -> core.recordOrder(c, window);
                            case "gateway-me" -> core.gatewayMe(c, window);
                            case "floor-earn" -> FloorEarn.run(scenario, FloorEarn.Statements.CORE, s, c, window);
                            case "floor-earn-ledger" ->
                                FloorEarn.run(scenario, FloorEarn.Statements.LEDGER, s, c, window);
                            case "raw-earn" -> RawBaselines.earn(s, c, window);
                            case "raw-redeem-hot" -> RawBaselines.redeemHot(s, c, window);
                            case "raw-get" -> RawBaselines.get(s, c, window);
                            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
                        };
                System.out.println(r.json());
                System.out.flush();
            }
        }
    }

    /** The scenarios to run, each core scenario followed by its baseline. */
    static List<String> plan(String arg) {
        List<String> plan = new ArrayList<>();
        for (String name : arg.equals("all") ? CORE : List.of(arg.split(","))) {
            plan.add(name);
            if (BASELINE.containsKey(name)) {
                plan.add(BASELINE.get(name));
            }
        }
        return plan;
    }

    private static String coreOf(String baseline) {
        return BASELINE.entrySet().stream()
                .filter(e -> e.getValue().equals(baseline))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("earn");
    }
}
