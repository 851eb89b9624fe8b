// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Warden",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "warden", targets: ["warden"]),
        .library(name: "WardenPolicy", targets: ["WardenPolicy"]),
        .library(name: "WardenRegex", targets: ["WardenRegex"]),
        .library(name: "WardenGlob", targets: ["WardenGlob"]),
        .library(name: "WardenRuntime", targets: ["WardenRuntime"]),
        .library(name: "WardenLocalRuntime", targets: ["WardenLocalRuntime"]),
        .library(name: "WardenGateway", targets: ["WardenGateway"]),
        .library(name: "WardenAuditRecord", targets: ["WardenAuditRecord"]),
        .library(name: "WardenAuditLog", targets: ["WardenAuditLog"]),
        .library(name: "WardenAuditReview", targets: ["WardenAuditReview"]),
        .library(name: "WardenAuditPostgres", targets: ["WardenAuditPostgres"]),
        .library(name: "WardenLua", targets: ["WardenLua"]),
        // Products the fuzz targets (`Fuzz/`) link against; clients use the libraries above.
        .library(name: "WardenValue", targets: ["WardenValue"]),
        .library(name: "WardenYAML", targets: ["WardenYAML"]),
        .library(name: "WardenExpression", targets: ["WardenExpression"]),
        .library(name: "WardenService", targets: ["WardenService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // libyaml from the system (apt `libyaml-dev`, brew `libyaml`).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Lua 5.4 from the system (apt `liblua5.4-dev`, brew `lua`).
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"]), .brew(["lua"])]
        ),
        // glibc's `mallopt`, for the allocator settings of `warden serve` (no library to link).
        .systemLibrary(name: "CMalloc"),
        // C trampolines, the bounded allocator and the preemption hook of the Lua host.
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        // The one value type shared by policies, actors and message payloads.
        .target(name: "WardenValue"),
        // A lock ThreadSanitizer understands, shared by every module with state behind a lock.
        .target(name: "WardenSync"),
        // The one `*` pattern language of policies and audit review filters, matched byte-wise.
        .target(name: "WardenGlob"),
        // A C surface over RE2, the linear-time regular expression engine (apt `libre2-dev`,
        // brew `re2`); its headers sit on the standard include path.
        .target(name: "CRE2", linkerSettings: [.linkedLibrary("re2")]),
        // The one regular expression type (RE2 / Go `regexp` syntax) of policies and expressions.
        .target(name: "WardenRegex", dependencies: ["CRE2"]),
        // libyaml events -> node tree with file:line:col marks, resource limits.
        .target(name: "WardenYAML", dependencies: ["CLibYAML", "WardenValue"]),
        // The `security.policy.expr` expression language: lexer, parser, checker, compiled evaluator.
        .target(name: "WardenExpression", dependencies: ["WardenValue", "WardenRegex"]),
        // Policy model, loader, validation, compiler and evaluator.
        .target(
            name: "WardenPolicy",
            dependencies: [
                "WardenSync", "WardenValue", "WardenYAML", "WardenExpression", "WardenRegex", "WardenGlob",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The runtime API: `ProcessRuntime`, PIDs, messages, events, errors, security context.
        .target(
            name: "WardenRuntime",
            dependencies: ["WardenSync", "WardenValue", .product(name: "DequeModule", package: "swift-collections")]
        ),
        // The built-in actor runtime (the embedded default).
        .target(
            name: "WardenLocalRuntime",
            dependencies: [
                "WardenSync", "WardenRuntime", "WardenValue",
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        // The Lua process host: runs Lua processes on any `ProcessRuntime`.
        .target(
            name: "WardenLua",
            dependencies: [
                "WardenSync",
                "CLua", "CLuaShim", "WardenRuntime", "WardenValue", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Registry trees: policies plus the Lua entries, hosts and services `warden run` uses.
        .target(
            name: "WardenRegistry",
            dependencies: ["WardenPolicy", "WardenYAML", "WardenLua", "WardenRuntime", "WardenValue"]),
        // The audit record format and its chain: records, canonical JSON writer and scanner,
        // hashing, checkpoint keys and signatures, and the checking of one line and one link.
        .target(
            name: "WardenAuditRecord",
            dependencies: ["WardenValue", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The audit writer: `AuditLog` (delivery modes, signed checkpoints), `AuditSink`, the
        // JSON Lines file sink and the multiplexer. Links no database.
        .target(
            name: "WardenAuditLog",
            dependencies: [
                "WardenSync", "WardenAuditRecord", "WardenValue",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        // Audit review: reading (verifying as it reads), verify, import, query, stats, tail, the
        // `AuditStore` seam and its SQLite store and sink.
        .target(
            name: "WardenAuditReview",
            dependencies: [
                "WardenSync", "WardenAuditRecord", "WardenAuditLog", "WardenValue", "WardenGlob",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The PostgreSQL audit store: sink, migrations, review source, import and verification.
        .target(
            name: "WardenAuditPostgres",
            dependencies: [
                "WardenAuditRecord", "WardenAuditLog", "WardenAuditReview", "WardenGlob", "WardenValue",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The authorizing decorator over any `ProcessRuntime`, the permission table, the policy store.
        .target(
            name: "WardenGateway",
            dependencies: [
                "WardenSync", "WardenPolicy", "WardenRuntime", "WardenValue", "WardenAuditRecord", "WardenAuditLog",
            ]
        ),
        // The small application `warden demo` runs behind the gateway (hosts, definitions, bodies).
        .target(name: "WardenDemo", dependencies: ["WardenLocalRuntime", "WardenRuntime", "WardenValue"]),
        // The HTTP service over the policy library: JSON in, the library's answers out.
        .target(
            name: "WardenService",
            dependencies: [
                "WardenSync",
                "WardenPolicy", "WardenExpression", "WardenGateway", "WardenAuditRecord", "WardenAuditLog",
                "WardenAuditReview",
                "WardenRuntime", "WardenValue", "WardenYAML", "CMalloc",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The audit review page's HTML, CSS and JavaScript, served at `/`.
            resources: [.copy("Resources/page"), .copy("Resources/openapi")]
        ),
        // The command tree, a library so tests can drive it in-process.
        .target(
            name: "WardenCLI",
            dependencies: [
                "WardenSync", "WardenPolicy", "WardenExpression", "WardenValue", "WardenRuntime", "WardenLocalRuntime",
                "WardenAuditRecord",
                "WardenAuditLog", "WardenAuditReview", "WardenAuditPostgres", "WardenGateway", "WardenDemo",
                "WardenService", "WardenLua", "WardenRegistry", "CAllocationCounter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "warden", dependencies: ["WardenCLI"]),
        // Counts heap allocations for `warden bench` (glibc's allocator, interposed and forwarded).
        .target(name: "CAllocationCounter"),
        // A load generator for the PostgreSQL store's fault tests and benchmarks (not a product).
        .executableTarget(
            name: "warden-audit-load",
            dependencies: [
                "WardenAuditRecord", "WardenAuditLog", "WardenAuditPostgres", "WardenValue",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/WardenAuditLoad"
        ),
        // Drives the gateway with `durable` audit until killed, printing each acknowledged seq, for
        // the crash consistency tests (not a product).
        .executableTarget(
            name: "warden-crash-writer",
            dependencies: [
                "WardenAuditLog", "WardenAuditReview", "WardenGateway", "WardenLocalRuntime", "WardenPolicy",
                "WardenRuntime",
                "WardenValue", .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/WardenCrashWriter"
        ),
        // Test doubles shared by the test targets: recording runtime, in-memory audit sink.
        .target(
            name: "WardenTestSupport",
            dependencies: [
                "WardenSync", "WardenRuntime", "WardenValue", "WardenAuditRecord", "WardenAuditLog", "WardenPolicy",
            ],
            path: "Tests/WardenTestSupport"
        ),
        // The expression reference interpreter and random expression generator, shared by the
        // expression and policy differential tests.
        .target(
            name: "WardenExpressionReference",
            dependencies: ["WardenExpression", "WardenValue", "WardenTestSupport"],
            path: "Tests/WardenExpressionReference"
        ),
        // The private PostgreSQL server of the tests (`WARDEN_TEST_POSTGRES_URL`): fresh databases, the skip rule.
        .target(
            name: "WardenPostgresTestSupport",
            dependencies: ["WardenAuditPostgres"],
            path: "Tests/WardenPostgresTestSupport"
        ),
        .testTarget(name: "WardenValueTests", dependencies: ["WardenValue"]),
        .testTarget(name: "WardenYAMLTests", dependencies: ["WardenYAML", "WardenValue"]),
        .testTarget(name: "WardenRegexTests", dependencies: ["WardenRegex"]),
        .testTarget(
            name: "WardenExpressionTests",
            dependencies: ["WardenExpression", "WardenValue", "WardenExpressionReference"]
        ),
        .testTarget(
            name: "WardenPolicyTests",
            dependencies: [
                "WardenPolicy", "WardenValue", "WardenGlob", "WardenTestSupport", "WardenExpression",
                "WardenExpressionReference",
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "WardenRuntimeTests",
            dependencies: ["WardenSync", "WardenRuntime", "WardenLocalRuntime", "WardenValue"]),
        // One test target for the three audit modules: most tests write a log and read it back.
        .testTarget(
            name: "WardenAuditTests",
            dependencies: [
                "WardenSync",
                "WardenAuditRecord", "WardenAuditLog", "WardenAuditReview", "WardenTestSupport", "WardenValue",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "WardenAuditPostgresTests",
            dependencies: [
                "WardenAuditPostgres", "WardenAuditRecord", "WardenAuditLog", "WardenAuditReview",
                "WardenPostgresTestSupport", "WardenTestSupport",
                "WardenGlob", "WardenValue",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "WardenGatewayTests",
            dependencies: [
                "WardenGateway", "WardenLocalRuntime", "WardenRuntime", "WardenPolicy", "WardenValue",
                "WardenAuditRecord",
                "WardenAuditLog", "WardenAuditReview", "WardenTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "WardenLuaTests",
            dependencies: [
                "WardenLua", "CLua", "CLuaShim", "WardenLocalRuntime", "WardenRuntime", "WardenGateway", "WardenPolicy",
                "WardenValue", "WardenAuditRecord", "WardenAuditLog", "WardenTestSupport",
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "WardenServiceTests",
            dependencies: [
                "WardenService", "WardenCLI", "WardenTestSupport", "WardenAuditRecord", "WardenAuditLog",
                "WardenPolicy", "WardenValue", "WardenPostgresTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "WardenCLITests",
            dependencies: [
                "WardenCLI", "WardenService", "WardenPolicy", "WardenValue", "WardenAuditRecord", "WardenAuditLog",
                "WardenAuditReview", "WardenAuditPostgres", "WardenTestSupport", "WardenPostgresTestSupport",
                "WardenRegistry",
                "WardenYAML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The gateway, the audit log and the Lua host build with nonisolated async functions running on
// their caller's executor (SE-0461), as the runtime API's calls are declared one by one
// (`nonisolated(nonsending)`, docs/runtime.md). A guarded call awaits through the gateway's
// steps and the audit log's hand-off, and a Lua process's driver loop awaits at every step;
// without this each of those awaits asks the concurrency runtime to switch to the generic
// executor, which finds the task's preferred executor and stays, at the price of a lock
// (docs/performance.md, "The hot path, profiled again").
for target in package.targets where ["WardenGateway", "WardenAuditLog", "WardenLua"].contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]
}
