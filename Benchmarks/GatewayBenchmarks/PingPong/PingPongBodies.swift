import WardenRuntime
import WardenValue

/// The two processes of the ping-pong benchmark. The same bodies run on the bare runtime and
/// behind the gateway: their calls go through whatever front started them.
enum PingPongBodies {
    /// The name the echo process registers.
    static let pongName = "app.workers.pong"

    /// Answers every message with `pong` and the same payload, to its sender; stops on `stop`.
    static let pong: ProcessBody = { context in
        let inbox = context.inbox()
        while let message = await inbox.receive() {
            if message.topic == "stop" { break }
            if let from = message.from {
                try await context.send(from, topic: "pong", payload: message.payload)
            }
        }
        return .null
    }

    /// Looks the echo process up once, then makes `args[0]` round trips with it.
    static let ping: ProcessBody = { context in
        guard case .int(let rounds)? = context.args.first else {
            throw ProcessError(.invalid, "ping needs the number of round trips as its first argument")
        }
        let pong = try await context.lookup(pongName)
        let inbox = context.inbox()
        for round in 0..<rounds {
            try await context.send(pong, topic: "ping", payload: ["job", .int(round)])
            guard let reply = await inbox.receive(), reply.topic == "pong" else {
                throw ProcessError(.internal, "pong did not answer round \(round)")
            }
        }
        return .int(rounds)
    }
}
