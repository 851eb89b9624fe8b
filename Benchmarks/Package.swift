// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A path dependency is identified by its folder's name, which differs between checkouts.
let warden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// Benchmarks live in their own package so the main build never depends on package-benchmark.
// Run from this folder: `swift package benchmark` (see docs/performance.md).
let package = Package(
    name: "WardenBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "PolicyBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "WardenPolicy", package: warden),
                .product(name: "WardenRegex", package: warden),
            ],
            path: "PolicyBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // What the runtime and Lua benchmarks share: the runtime and host they run on, the ring's
        // builder and driver.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "WardenRuntime", package: warden),
                .product(name: "WardenLocalRuntime", package: warden),
            ],
            path: "BenchmarkSupport"
        ),
        .executableTarget(
            name: "RuntimeBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "WardenRuntime", package: warden),
                .product(name: "WardenLocalRuntime", package: warden),
            ],
            path: "RuntimeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "AuditBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "WardenAuditRecord", package: warden),
                .product(name: "WardenAuditLog", package: warden),
                .product(name: "WardenAuditReview", package: warden),
                .product(name: "WardenGateway", package: warden),
                .product(name: "WardenPolicy", package: warden),
            ],
            path: "AuditBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "GatewayBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "WardenGateway", package: warden),
                .product(name: "WardenLocalRuntime", package: warden),
                .product(name: "WardenAuditRecord", package: warden),
                .product(name: "WardenAuditLog", package: warden),
            ],
            path: "GatewayBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "LuaBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "WardenRuntime", package: warden),
                .product(name: "WardenLocalRuntime", package: warden),
                .product(name: "WardenLua", package: warden),
                .product(name: "WardenGateway", package: warden),
                .product(name: "WardenPolicy", package: warden),
                .product(name: "WardenAuditLog", package: warden),
                .product(name: "WardenAuditRecord", package: warden),
            ],
            path: "LuaBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // The HTTP stack's ceiling, measured beside `warden serve` by http/run-wrk.sh.
        .executableTarget(
            name: "HTTPCeiling",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "HTTPCeiling"
        ),
        // An open-loop load generator for the paced latency figure of http/run-wrk.sh.
        .executableTarget(
            name: "HTTPPacer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "HTTPPacer"
        ),
    ],
    swiftLanguageModes: [.v6]
)
