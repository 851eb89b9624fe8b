// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A path dependency is identified by its folder's name, which differs between checkouts.
let warden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// Coverage-guided fuzz targets (libFuzzer), one executable per parser that takes outside input.
// They live in their own package so the main build never carries fuzzer flags. Build and run
// one with `scripts/fuzz.sh TARGET SECONDS` (see docs/testing.md).
let package = Package(
    name: "WardenFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        // libFuzzer's driver entry, declared for Swift.
        .target(name: "CFuzzerDriver", path: "Sources/CFuzzerDriver"),
        // Starts libFuzzer from each target's own `main`.
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"], path: "Sources/FuzzSupport"),
        // The strict JSON parser, `Value(json:)` (requests lines are read by `FuzzServe`).
        .executableTarget(
            name: "FuzzJSON",
            dependencies: ["FuzzSupport", .product(name: "WardenValue", package: warden)],
            path: "Sources/FuzzJSON"
        ),
        // The expression language: lexer, parser, checker, and evaluation of what compiles.
        .executableTarget(
            name: "FuzzExpression",
            dependencies: [
                "FuzzSupport", .product(name: "WardenExpression", package: warden),
                .product(name: "WardenValue", package: warden),
            ],
            path: "Sources/FuzzExpression"
        ),
        // The YAML loader, policy reading, validation and compilation, and one decision.
        .executableTarget(
            name: "FuzzPolicy",
            dependencies: [
                "FuzzSupport", .product(name: "WardenPolicy", package: warden),
                .product(name: "WardenYAML", package: warden),
            ],
            path: "Sources/FuzzPolicy"
        ),
        // Audit lines through the canonical scanner and the chain verifier.
        .executableTarget(
            name: "FuzzAudit",
            dependencies: ["FuzzSupport", .product(name: "WardenAuditReview", package: warden)],
            path: "Sources/FuzzAudit"
        ),
        // The Lua host: the type eraser over Lua source, and values into a Lua state and back.
        .executableTarget(
            name: "FuzzLua",
            dependencies: [
                "FuzzSupport", .product(name: "WardenLua", package: warden),
                .product(name: "WardenValue", package: warden),
            ],
            path: "Sources/FuzzLua"
        ),
        // The bodies of `POST /v1/decide`, `/v1/check` and `/v1/authorize`, without HTTP.
        .executableTarget(
            name: "FuzzServe",
            dependencies: [
                "FuzzSupport", .product(name: "WardenService", package: warden),
                .product(name: "WardenPolicy", package: warden),
                .product(name: "WardenAuditLog", package: warden), .product(name: "WardenGateway", package: warden),
            ],
            path: "Sources/FuzzServe"
        ),
    ],
    swiftLanguageModes: [.v6]
)
