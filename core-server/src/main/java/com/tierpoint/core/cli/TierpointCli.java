package com.tierpoint.core.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.tierpoint.core.auth.ApiKeys;
import com.tierpoint.core.demo.DemoCredentials;
import com.tierpoint.proto.v1.EarnRequest;
import com.tierpoint.proto.v1.EnrollMemberRequest;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.GetProgramRequest;
import com.tierpoint.proto.v1.GetTierProgressRequest;
import com.tierpoint.proto.v1.ListTransactionsRequest;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.MemberServiceGrpc;
import com.tierpoint.proto.v1.OrderServiceGrpc;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.PointsServiceGrpc;
import com.tierpoint.proto.v1.Program;
import com.tierpoint.proto.v1.ProgramServiceGrpc;
import com.tierpoint.proto.v1.RecordOrderRequest;
import com.tierpoint.proto.v1.RedeemRequest;
import com.tierpoint.proto.v1.ReverseRequest;
import com.tierpoint.proto.v1.UpdateProgramRequest;
import com.tierpoint.proto.v1.WeChatIdentity;
import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A small command-line client of the core, for trying it out and for operations:
 * {@code java -jar core-server.jar cli earn --member 123 --points 50 --reason "评价奖励"}.
 * Prints responses as proto JSON; exits 0 on success, 1 on an error status, 2 on bad usage.
 */
public final class TierpointCli {

    private static final String USAGE =
            """
            usage: java -jar core-server.jar cli COMMAND [--option value ...]

            connection (or env TIERPOINT_TARGET / TIERPOINT_API_KEY; the key defaults to ./data/demo-api-key):
              --target host:port          default localhost:9090
              --api-key KEY
              --idempotency-key KEY       for writes; a random one when omitted

            commands:
              enroll   --openid ID [--app-id wxdemo] [--unionid U] [--nickname N] [--birthday YYYY-MM-DD]
              member   --member ID | --openid ID [--app-id wxdemo]
              progress --member ID | --openid ID [--app-id wxdemo]
              earn     --member ID --points N --reason TEXT [--source S]
              redeem   --member ID --points N --reason TEXT [--source S]
              reverse  --member ID --transaction ID [--points N] [--reason TEXT]
              balance  --member ID
              history  --member ID [--page-size N] [--page-token T]
              order    --order ID --member ID --amount-fen N --status PAID|PARTIALLY_REFUNDED|REFUNDED|COMPLETED
                       [--refunded-fen N] [--occurred-at 2026-11-11T08:00:00Z]
              program  [--set FILE.json [--expected-version V]]
              hash-key KEY                prints the SHA-256 to configure for a client key
            """;

    private TierpointCli() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        if (command.equals("hash-key")) {
            if (args.length != 2) {
                err.println("usage: hash-key KEY");
                return 2;
            }
            out.println(ApiKeys.sha256(args[1]));
            return 0;
        }
        Map<String, String> opts;
        try {
            opts = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        String target = opts.getOrDefault("target", env("TIERPOINT_TARGET", "localhost:9090"));
        String apiKey = opts.containsKey("api-key") ? opts.get("api-key") : defaultKey();
        if (apiKey == null) {
            err.println(
                    "no API key: pass --api-key, set TIERPOINT_API_KEY, or run the quickstart (./data/demo-api-key)");
            return 2;
        }
        ManagedChannel channel = Grpc.newChannelBuilder(target, InsecureChannelCredentials.create())
                .build();
        try {
            Message response = call(command, opts, channel, apiKey);
            out.println(JsonFormat.printer().print(response));
            return 0;
        } catch (StatusRuntimeException e) {
            err.println(describe(e));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } finally {
            channel.shutdownNow();
        }
    }

    private static Message call(String command, Map<String, String> o, ManagedChannel channel, String apiKey)
            throws IOException {
        CallCredentials creds = new ApiKeyCredentials(apiKey);
        String key = o.getOrDefault("idempotency-key", UUID.randomUUID().toString());
        var members = MemberServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(creds)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        var points = PointsServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(creds)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        return switch (command) {
            case "enroll" ->
                members.enrollMember(EnrollMemberRequest.newBuilder()
                        .setIdempotencyKey(key)
                        .setIdentity(identity(o))
                        .setNickname(o.getOrDefault("nickname", ""))
                        .setBirthday(o.getOrDefault("birthday", ""))
                        .build());
            case "member" ->
                members.getMember(
                        GetMemberRequest.newBuilder().setMember(ref(o)).build());
            case "progress" ->
                members.getTierProgress(
                        GetTierProgressRequest.newBuilder().setMember(ref(o)).build());
            case "earn" ->
                points.earn(EarnRequest.newBuilder()
                        .setIdempotencyKey(key)
                        .setMemberId(required(o, "member"))
                        .setPoints(number(o, "points"))
                        .setReason(required(o, "reason"))
                        .setSource(o.getOrDefault("source", "cli"))
                        .build());
            case "redeem" ->
                points.redeem(RedeemRequest.newBuilder()
                        .setIdempotencyKey(key)
                        .setMemberId(required(o, "member"))
                        .setPoints(number(o, "points"))
                        .setReason(required(o, "reason"))
                        .setSource(o.getOrDefault("source", "cli"))
                        .build());
            case "reverse" ->
                points.reverse(ReverseRequest.newBuilder()
                        .setIdempotencyKey(key)
                        .setMemberId(required(o, "member"))
                        .setTransactionId(required(o, "transaction"))
                        .setPoints(o.containsKey("points") ? number(o, "points") : 0)
                        .setReason(o.getOrDefault("reason", ""))
                        .setSource(o.getOrDefault("source", "cli"))
                        .build());
            case "balance" ->
                points.getBalance(GetBalanceRequest.newBuilder()
                        .setMemberId(required(o, "member"))
                        .build());
            case "history" ->
                points.listTransactions(ListTransactionsRequest.newBuilder()
                        .setMemberId(required(o, "member"))
                        .setPageSize(o.containsKey("page-size") ? (int) number(o, "page-size") : 0)
                        .setPageToken(o.getOrDefault("page-token", ""))
                        .build());
            case "order" ->
                OrderServiceGrpc.newBlockingStub(channel)
                        .withCallCredentials(creds)
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .recordOrder(RecordOrderRequest.newBuilder()
                                .setIdempotencyKey(key)
                                .setOrderId(required(o, "order"))
                                .setMemberId(required(o, "member"))
                                .setAmountFen(number(o, "amount-fen"))
                                .setRefundedFen(o.containsKey("refunded-fen") ? number(o, "refunded-fen") : 0)
                                .setStatus(status(required(o, "status")))
                                .setOccurredAt(occurredAt(o))
                                .build());
            case "program" -> program(o, channel, creds, key);
            default -> throw new IllegalArgumentException("unknown command '" + command + "'\n" + USAGE);
        };
    }

    private static Message program(Map<String, String> o, ManagedChannel channel, CallCredentials creds, String key)
            throws IOException {
        var programs = ProgramServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(creds)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        if (!o.containsKey("set")) {
            return programs.getProgram(GetProgramRequest.getDefaultInstance());
        }
        Program.Builder p = Program.newBuilder();
        JsonFormat.parser().merge(Files.readString(Path.of(o.get("set"))), p);
        return programs.updateProgram(UpdateProgramRequest.newBuilder()
                .setIdempotencyKey(key)
                .setProgram(p)
                .setExpectedVersion(o.containsKey("expected-version") ? number(o, "expected-version") : 0)
                .build());
    }

    private static WeChatIdentity identity(Map<String, String> o) {
        return WeChatIdentity.newBuilder()
                .setAppId(o.getOrDefault("app-id", "wxdemo"))
                .setOpenid(required(o, "openid"))
                .setUnionid(o.getOrDefault("unionid", ""))
                .build();
    }

    private static MemberRef ref(Map<String, String> o) {
        return o.containsKey("member")
                ? MemberRef.newBuilder().setMemberId(o.get("member")).build()
                : MemberRef.newBuilder().setIdentity(identity(o)).build();
    }

    private static OrderStatus status(String s) {
        try {
            return OrderStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--status must be PAID, PARTIALLY_REFUNDED, REFUNDED or COMPLETED");
        }
    }

    /** --occurred-at ISO instant; unset (the server's time) when omitted. */
    private static Timestamp occurredAt(Map<String, String> o) {
        if (!o.containsKey("occurred-at")) {
            return Timestamp.getDefaultInstance();
        }
        try {
            Instant i = Instant.parse(o.get("occurred-at"));
            return Timestamp.newBuilder()
                    .setSeconds(i.getEpochSecond())
                    .setNanos(i.getNano())
                    .build();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--occurred-at must be an ISO instant like 2026-11-11T08:00:00Z");
        }
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static long number(Map<String, String> o, String name) {
        try {
            return Long.parseLong(required(o, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static String defaultKey() {
        String fromEnv = System.getenv("TIERPOINT_API_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return Files.exists(DemoCredentials.DEFAULT_FILE)
                    ? Files.readString(DemoCredentials.DEFAULT_FILE).trim()
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static String describe(StatusRuntimeException e) {
        StringBuilder sb = new StringBuilder(e.getStatus().getCode().name());
        if (e.getStatus().getDescription() != null) {
            sb.append(": ").append(e.getStatus().getDescription());
        }
        com.google.rpc.Status details = StatusProto.fromThrowable(e);
        if (details != null) {
            for (var any : details.getDetailsList()) {
                try {
                    if (any.is(ErrorInfo.class)) {
                        sb.append("\n  reason: ")
                                .append(any.unpack(ErrorInfo.class).getReason());
                    } else if (any.is(BadRequest.class)) {
                        for (var v : any.unpack(BadRequest.class).getFieldViolationsList()) {
                            sb.append("\n  ").append(v.getField()).append(": ").append(v.getDescription());
                        }
                    }
                } catch (InvalidProtocolBufferException ignored) {
                    // an unknown detail: the status line says enough
                }
            }
        }
        return sb.toString();
    }

    /** Sends the API key as {@code x-api-key} on every call. */
    private static final class ApiKeyCredentials extends CallCredentials {
        private static final Metadata.Key<String> API_KEY =
                Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);
        private final String key;

        ApiKeyCredentials(String key) {
            this.key = key;
        }

        @Override
        public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
            Metadata m = new Metadata();
            m.put(API_KEY, key);
            applier.apply(m);
        }
    }
}
