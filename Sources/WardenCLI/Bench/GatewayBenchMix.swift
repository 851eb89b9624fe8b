import Synchronization
import WardenRuntime
import WardenValue

/// The process bodies of `warden bench --gateway`: an echo process and a driver that makes the
/// mix of calls, timing each. The same bodies run on the bare runtime and behind the gateway:
/// their calls go through whatever front started them.
enum GatewayBenchMix {
    /// The host every process of the mix runs on.
    static let host = "bench:host"
    /// The name the echo process registers.
    static let echoName = "bench.echo"
    /// The definitions of the mix.
    static let echo = "bench:echo", driver = "bench:driver", child = "bench:child"

    /// The kinds of call timed, in the order they are reported.
    enum Kind: String, CaseIterable, Sendable {
        /// `send` to the echo process and the `receive` of its answer: two guarded sends.
        case pingPong = "ping-pong"
        /// `spawn` of a process that returns at once (the call, not the child's run).
        case spawn
        /// `registry.register` then `registry.unregister` of a fresh name.
        case registry
    }

    /// Where a driver leaves its samples (nanoseconds per call, by kind).
    final class Samples: Sendable {
        private let byKind = Mutex<[Kind: [Double]]>([:])

        /// Appends a driver's samples.
        func add(_ samples: [Kind: [Double]]) {
            byKind.withLock { all in
                for (kind, values) in samples { all[kind, default: []] += values }
            }
        }

        /// Every sample so far.
        var all: [Kind: [Double]] { byKind.withLock { $0 } }
    }

    /// Answers every message with `pong` to its sender; stops on `stop`.
    static let echoBody: ProcessBody = { context in
        let inbox = context.inbox()
        while let message = await inbox.receive() {
            if message.topic == "stop" { break }
            if let from = message.from { try await context.send(from, topic: "pong", payload: message.payload) }
        }
        return .null
    }

    /// Returns at once.
    static let childBody: ProcessBody = { _ in .null }

    /// A driver making `args[0]` rounds of the mix, leaving its samples in `samples`.
    static func driverBody(_ samples: Samples) -> ProcessBody {
        { context in
            guard case .int(let rounds)? = context.args.first else {
                throw ProcessError(.invalid, "the driver needs the number of rounds as its first argument")
            }
            let echo = try await context.lookup(echoName)
            let inbox = context.inbox()
            var timed: [Kind: [Double]] = [:]
            for kind in Kind.allCases { timed[kind] = Array(repeating: 0, count: 0) }
            for round in 0..<rounds {
                var start = MonotonicClock.now()
                try await context.send(echo, topic: "ping", payload: [.int(round)])
                guard let reply = await inbox.receive(), reply.topic == "pong" else {
                    throw ProcessError(.internal, "the echo process did not answer round \(round)")
                }
                timed[.pingPong, default: []].append(Double(MonotonicClock.now() &- start))
                start = MonotonicClock.now()
                _ = try await context.spawn(child, host: host)
                timed[.spawn, default: []].append(Double(MonotonicClock.now() &- start))
                let name = "bench.name.\(round)"
                start = MonotonicClock.now()
                try await context.register(name)
                _ = try await context.unregister(name)
                timed[.registry, default: []].append(Double(MonotonicClock.now() &- start))
            }
            samples.add(timed)
            return .int(rounds)
        }
    }
}
